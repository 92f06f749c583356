import { beforeAll, describe, expect, it } from "vitest";
import { emailIndex } from "@/db/personal-data";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { setUpTestDatabase } from "@/db/test-database";
import { seed } from "@/db/seed";
import { makeUser } from "@/lib/organizers/test-world";
import { signInputSchema } from "@/lib/validation/signatures";
import { signPetition } from "@/lib/signatures/sign-petition";
import { addRule, removeRule } from "./manage-rules";
import { abuseVerdict } from "./rules";

// Issue 13 item 3, as the sign route applies it: the verdict of the lists, then the signature.

const database = setUpTestDatabase();
const slug = "drop-the-charges";

beforeAll(async () => {
  Object.assign(process.env, { AUTH_SECRET: "test-secret-test-secret-test-secret-0123", SIGN_LIMIT_BURST: "2", SIGN_LIMIT_HOURLY: "100" });
});
beforeAll(async () => {
  await seed(database().db);
});

/** What the sign route does: look the signer up in the lists, then sign with the verdict. */
async function signAs(address: string, email: string) {
  const verdict = await abuseVerdict(database().db, { address, email });
  const input = signInputSchema.parse({ name: "Supporter", email, locale: "en" });
  await signPetition({ db: database().db, client: verdict === "allow" ? null : `hash-of-${address}`, blocked: verdict === "block" }, slug, input);
  const [row] = rowsOf<{ state: string; queued: boolean }>(
    await database().db.execute(sql`select s.state, exists (select 1 from email_outbox o where o.kind = 'signature-confirmation' and o.payload->>'signatureId' = s.id::text) as queued
      from signatures s where s.email_index = ${emailIndex(email)}`),
  );
  return row;
}

describe("block and allow lists", () => {
  it("keeps a blocked signer's signature as fraudulent, without an email; blocks beat allows; an allow skips the limits", async () => {
    const admin = await makeUser(database().db, "admin", "lists");
    const actor = { userId: admin.userId, email: admin.email, role: "admin" as const };
    const tag = Date.now().toString(36);
    await addRule(database().db, actor, { kind: "block", pattern: "**.spam.example", note: "a bot farm" });
    await addRule(database().db, actor, { kind: "allow", pattern: "100.64.0.0/10", note: "carrier gateway" });
    const blockedAddress = await addRule(database().db, actor, { kind: "block", pattern: `Bot.${tag}@Example.org`, note: "" });

    expect(await signAs("198.51.100.1", `a.${tag}@x.spam.example`)).toEqual({ state: "fraudulent", queued: false });
    expect(await signAs("198.51.100.1", `bot.${tag}@example.org`)).toEqual({ state: "fraudulent", queued: false });
    // Inside the allowed range but from a blocked domain: the block wins.
    expect(await signAs("100.64.1.1", `b.${tag}@mail.spam.example`)).toEqual({ state: "fraudulent", queued: false });
    // The allowed gateway: five signers behind one address, over the limit of 2, all pending with their email.
    for (let i = 0; i < 5; i++) expect(await signAs("100.64.1.1", `gw.${tag}.${i}@example.org`)).toEqual({ state: "pending", queued: true });
    // Elsewhere the limit holds.
    const limited = [];
    for (let i = 0; i < 3; i++) limited.push((await signAs("198.51.100.9", `l.${tag}.${i}@example.org`))?.state);
    expect(limited).toEqual(["pending", "pending", "fraudulent"]);

    // The audit log and the rules table hold no address in clear.
    const stored = JSON.stringify(rowsOf(await database().db.execute(sql`select r.*, a.details from abuse_rules r left join audit_log a on a.entity_id = r.id::text`)));
    expect(stored).not.toContain(`bot.${tag}`);
    expect(stored).toContain("b•••@example.org");

    // Removed: the address signs like anyone again (the change is seen at once by this process).
    await removeRule(database().db, actor, { ruleId: blockedAddress!.id });
    expect(await abuseVerdict(database().db, { address: "198.51.100.1", email: `bot.${tag}@example.org` })).toBeNull();
  });
});
