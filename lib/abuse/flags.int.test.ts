import { eq, sql } from "drizzle-orm";
import { sealedSigner } from "@/db/personal-data";
import { beforeAll, describe, expect, it } from "vitest";
import { abuseFlags, abuseRules } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { isAppError } from "@/lib/errors";
import { makeWorld, type World } from "@/lib/organizers/test-world";
import { FLAG_THRESHOLD, blockFromFlag, dismissFlag, flagBursts, listFlags } from "./flags";
import { clientKey } from "./rate-limit";
import { abuseVerdict, forgetAbuseRules } from "./rules";

// Issue 13 item 3: the hourly job flags any address-hash or email domain with ≥ 100 confirmed signatures on one
// petition within an hour; admins see the flags and block from one. The clock is driven: signatures carry
// the confirmation times the test gives them, and the job is run at a chosen `now`.

const database = setUpTestDatabase();
const db = () => database().db;
let w: World;

beforeAll(async () => {
  Object.assign(process.env, { AUTH_SECRET: "test-secret-test-secret-test-secret-0123" });
  w = await makeWorld(db());
});

const t0 = new Date("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** `n` confirmed signatures on the petition, the i-th confirmed at `when(i)`, from `client(i)`, as `local-i@domain`. */
async function confirmed(petitionId: string, n: number, o: { domain: string; prefix: string; client: (i: number) => string | null; when: (i: number) => Date }) {
  const rows = Array.from({ length: n }, (_, i) => ({ ...sealedSigner(`${o.prefix}-${i}@${o.domain}`, "Name"), client: o.client(i), at: o.when(i).toISOString() }));
  await db().execute(sql`
    insert into signatures (petition_id, email_index, email_sealed, name_sealed, email_domain, locale, state, token_nonce, token_hash, token_expires_at, client_hash, confirmed_at)
    select ${petitionId}::uuid, r."emailIndex", r."emailSealed", r."nameSealed", r."emailDomain", 'ru', 'confirmed', md5(random()::text), md5(random()::text),
      now(), r.client, r.at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r("emailIndex" text, "emailSealed" text, "nameSealed" text, "emailDomain" text, client text, at timestamptz)`);
}

describe("the hourly flag job", () => {
  it("flags exactly the clients and domains with ≥ 100 confirmed signatures within an hour, once per burst", async () => {
    const petition = w.published.id;
    const bot = clientKey("203.0.113.50");
    // 100 in 59 minutes from one client (flagged, and its domain too); 99 from another (not flagged).
    await confirmed(petition, FLAG_THRESHOLD, { domain: "one.example", prefix: "bot", client: () => bot, when: (i) => at(i * 0.59) });
    await confirmed(petition, FLAG_THRESHOLD - 1, { domain: "two.example", prefix: "near", client: () => clientKey("203.0.113.51"), when: (i) => at(i * 0.5) });
    // 100 from one domain, each from its own client, within 50 minutes: the domain is flagged, no client is.
    await confirmed(petition, FLAG_THRESHOLD, { domain: "three.example", prefix: "many", client: (i) => clientKey(`198.51.100.${i}`), when: (i) => at(i / 2) });
    // 100 from one domain spread over two hours: never 100 within any hour.
    await confirmed(petition, FLAG_THRESHOLD, { domain: "four.example", prefix: "slow", client: () => null, when: (i) => at(i * 1.25) });

    // The run just after the burst's hour (the job runs five minutes past each hour, looking two hours back).
    const first = await flagBursts(db(), at(65));
    const found = first.map((f) => `${f.kind}:${f.subject}:${f.signatures}`).sort();
    expect(found).toEqual([`client:${bot}:100`, "domain:one.example:100", "domain:three.example:100"].sort());
    // The next hour's run looks back over the same burst: nothing new.
    expect(await flagBursts(db(), at(125))).toEqual([]);
    // Another petition is counted on its own.
    await confirmed(w.closed.id, FLAG_THRESHOLD - 1, { domain: "one.example", prefix: "other", client: () => bot, when: (i) => at(i * 0.5) });
    expect(await flagBursts(db(), at(65))).toEqual([]);
    // Audited without an address: the client shows as a short hash.
    const audit = await db().execute(sql`select details from audit_log where action = 'abuse.flag'`);
    expect(JSON.stringify(audit)).not.toContain("203.0.113");
  });

  it("lets an admin block from a flag (the address-hash's later signatures are blocked) or dismiss one; organizers are refused", async () => {
    const flags = await listFlags(db(), w.admin);
    const clientFlag = flags.find((f) => f.flag.kind === "client")!.flag;
    const domainFlag = flags.find((f) => f.flag.subject === "three.example")!.flag;
    await expect(blockFromFlag(db(), w.organizer, { flagId: clientFlag.id })).rejects.toSatisfy((e) => isAppError(e) && e.code === "forbidden");
    await expect(listFlags(db(), w.organizer)).rejects.toSatisfy((e) => isAppError(e) && e.code === "forbidden");

    forgetAbuseRules();
    expect(await abuseVerdict(db(), { address: "203.0.113.50", email: "someone@else.example" })).toBeNull();
    await blockFromFlag(db(), w.admin, { flagId: clientFlag.id });
    expect(await abuseVerdict(db(), { address: "203.0.113.50", email: "someone@else.example" })).toBe("block");
    expect(await abuseVerdict(db(), { address: "203.0.113.51", email: "someone@else.example" })).toBeNull();
    const [rule] = await db().select().from(abuseRules).where(eq(abuseRules.type, "client"));
    expect(rule).toMatchObject({ kind: "block", pattern: clientFlag.subject });
    expect(rule!.display).not.toContain("203.0.113");
    // Resolved once: a second click finds nothing to do.
    await expect(blockFromFlag(db(), w.admin, { flagId: clientFlag.id })).rejects.toSatisfy((e) => isAppError(e) && e.code === "not_found");

    await dismissFlag(db(), w.admin, { flagId: domainFlag.id });
    const [dismissed] = await db().select().from(abuseFlags).where(eq(abuseFlags.id, domainFlag.id));
    expect(dismissed).toMatchObject({ resolution: "dismissed" });
    expect(await abuseVerdict(db(), { address: null, email: "x@three.example" })).toBeNull();
  });
});
