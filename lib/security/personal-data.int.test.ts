import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import {
  PersonalDataError,
  configurePersonalData,
  currentKeyId,
  emailIndex,
  open,
  sealedKeyId,
} from "@/db/personal-data";
import { findSignaturesByEmail } from "@/db/queries/signatures";
import { suppressAddress, suppressedAmong } from "@/db/queries/subscribers";
import { resealPersonalData } from "@/db/reseal";
import { sealLegacyPersonalData } from "@/db/seal-legacy";
import { rsvps, signatures, subscribers } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { type MailSender, startMailSender } from "@/lib/email/sender";
import { setUpResendCapture } from "@/lib/email/test-capture";
import { untilMailSettled } from "@/lib/email/testing";
import { type World, makeWorld } from "@/lib/organizers/test-world";
import { rsvpToRally } from "@/lib/rallies/rsvp-to-rally";
import { makeRally } from "@/lib/rallies/test-rallies";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { listPublicSigners } from "@/lib/signatures/list-public-signers";
import { signPetition } from "@/lib/signatures/sign-petition";
import { tokenFromNonce } from "@/lib/signatures/tokens";
import { subscribeToCampaign } from "@/lib/subscribers/subscribe";
import { rsvpInputSchema } from "@/lib/validation/rallies";
import { signInputSchema } from "@/lib/validation/signatures";
import { subscribeInputSchema } from "@/lib/validation/subscribers";
import { readYourData } from "@/lib/your-data/read-your-data";
import { yourDataToken } from "@/lib/your-data/link";

/**
 * Personal data at rest (issue 13, item 6): what a copy of the database shows of a supporter — no address, no
 * name — and that dedupe, rotation and tampering behave as a person would need them to.
 */
const database = setUpTestDatabase({ max: 10 });
const capture = setUpResendCapture();
const db = () => database().db;
let world: World;
const jobs = { enqueue: async () => Promise.reject(new Error("no jobs here")) };

beforeAll(async () => {
  world = await makeWorld(db());
});

const unique = (label: string) => `${label}.${randomBytes(5).toString("hex")}@example.org`;
const sign = (email: string, name: string, slug = world.published.slug) =>
  signPetition({ db: db() }, slug, signInputSchema.parse({ name, email, locale: "ru", public: "on", updates: "on" }));

/** Every row of the tables that hold or held personal data, as text (every text and jsonb column). */
async function rawRows(): Promise<string> {
  const tables = ["signatures", "rsvps", "subscribers", "email_suppressions", "email_outbox", "email_batch_members", "email_deliveries", "audit_log"];
  const parts: string[] = [];
  for (const t of tables) {
    for (const r of rowsOf<{ row: string }>(await db().execute(sql`select t::text as row from ${sql.identifier(t)} t`))) parts.push(r.row);
  }
  return parts.join("\n").toLowerCase();
}

function expectNothingOf(raw: string, secrets: string[]) {
  for (const s of secrets) expect(raw, `the raw tables contain ${s}`).not.toContain(s.toLowerCase());
}

describe("what the raw tables hold", () => {
  let sender: MailSender | undefined;
  afterAll(async () => {
    await sender?.stop();
  });

  it("shows no address and no name after a sign, an RSVP, a subscription, a suppression and a send — not even mid-batch", async () => {
    const email = unique("zarina.secret");
    const name = "Зарина Құпиякызы";
    const attendee = unique("attendee.secret");
    const attendeeName = "Ерлан Жасырынұлы";
    const subscriber = unique("subscriber.secret");
    const bounced = unique("bounced.secret");
    await sign(email, name);
    const rally = await makeRally(db(), world.campaignA.id, "announced");
    await rsvpToRally({ db: db(), jobs }, rally.slug, rsvpInputSchema.parse({ email: attendee, name: attendeeName, locale: "kk", updates: "on" }));
    await subscribeToCampaign(db(), world.campaignA.slug, subscribeInputSchema.parse({ email: subscriber, locale: "en" }));
    await suppressAddress(db(), bounced, "bounce");
    const secrets = [email, email.split("@")[0]!, name, attendee, attendee.split("@")[0]!, attendeeName, subscriber, bounced];
    expectNothingOf(await rawRows(), secrets);

    // The provider fails: the batch keeps its rendered emails for the retry, sealed.
    capture().failNext(1000);
    sender = startMailSender(db(), { idleMs: 50, retryBaseMs: 200, maxRps: 50 });
    for (const started = Date.now(); ; ) {
      const [row] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from email_batch_members where message is not null`));
      if (row!.n >= 3) break;
      if (Date.now() - started > 15_000) throw new Error("no rendered email stored");
      await new Promise((r) => setTimeout(r, 25));
    }
    const stored = rowsOf<{ kind: string; message: string }>(
      await db().execute(sql`select jsonb_typeof(message) as kind, message #>> '{}' as message from email_batch_members where message is not null`),
    );
    expect(stored.every((m) => m.kind === "string" && sealedKeyId(m.message) === currentKeyId())).toBe(true);
    expectNothingOf(await rawRows(), secrets);

    // The provider answers again: everything goes, and what stays is as unreadable as before.
    capture().failNext(0);
    await untilMailSettled(db(), 30_000);
    expect(capture().emails().some((e) => e.to.includes(email))).toBe(true);
    expect(capture().emails().find((e) => e.to.includes(email))?.html).toContain(name);
    const [left] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from email_batch_members where message is not null`));
    expect(left!.n).toBe(0);
    expectNothingOf(await rawRows(), secrets);
    // And the suppression list still knows the address, by its index alone.
    expect(await suppressedAmong(db(), [bounced.toUpperCase(), email])).toEqual(new Set([bounced]));
  }, 60_000);
});

describe("dedupe on the blind index", () => {
  it("keeps one signature when one address signs 50 times at once (in any case)", async () => {
    const email = unique("fifty");
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => sign(i % 2 ? email.toUpperCase() : email, `Signer ${i}`)),
    );
    const rows = await db().select().from(signatures).where(eq(signatures.emailIndex, emailIndex(email)));
    expect(rows).toHaveLength(1);
    expect(open("signatures.email", rows[0]!.emailSealed!)).toBe(email);
  });
});

describe("rows written before encryption at rest", () => {
  it("are sealed by the start-up step in batches, lose nothing, and dedupe against new signatures", async () => {
    const emails = Array.from({ length: 7 }, (_, i) => unique(`legacy${i}`));
    for (const [i, e] of emails.entries()) {
      await db().execute(sql`insert into signatures (petition_id, email_normalized, name, locale, state, token_nonce, token_hash, token_expires_at, confirmed_at)
        values (${world.published.id}, ${e}, ${`Old Signer ${i}`}, 'ru', 'confirmed', ${`n-${e}`}, ${`h-${e}`}, now() + interval '1 day', now())`);
    }
    const bounced = unique("legacy-bounce");
    await db().execute(sql`insert into email_suppressions (email_normalized, reason) values (${bounced}, 'bounce')`);
    expect(await sealLegacyPersonalData(db(), 3)).toBe(8);
    expect(await sealLegacyPersonalData(db(), 3)).toBe(0); // idempotent
    const [clear] = rowsOf<{ n: number }>(
      await db().execute(sql`select (select count(*) from signatures where email_normalized is not null or name is not null)
        + (select count(*) from email_suppressions where email_normalized is not null) as n`),
    );
    expect(Number(clear!.n)).toBe(0);
    const [mine] = await findSignaturesByEmail(db(), emails[4]!);
    expect(mine).toMatchObject({ email: emails[4], name: "Old Signer 4", state: "confirmed" });
    await sign(emails[4]!, "Again");
    expect(await db().select().from(signatures).where(eq(signatures.emailIndex, emailIndex(emails[4]!)))).toHaveLength(1);
    expect(await suppressedAmong(db(), [bounced])).toEqual(new Set([bounced]));
  });
});

describe("key rotation", () => {
  it("re-seals every value under the new key in batches while people sign, each still readable, dedupe unchanged", async () => {
    const before = Array.from({ length: 9 }, (_, i) => unique(`rot${i}`));
    for (const e of before) await sign(e, `Rot ${e.slice(3, 5)}`);
    const attendee = unique("rot-attendee");
    const rally = await makeRally(db(), world.campaignA.id, "announced");
    await rsvpToRally({ db: db(), jobs }, rally.slug, rsvpInputSchema.parse({ email: attendee, name: "Rot Attendee", locale: "ru" }));
    const oldKey = process.env.DATA_KEY!;
    const oldId = currentKeyId();

    const newKey = `rotated-${randomBytes(16).toString("hex")}`;
    configurePersonalData({ current: newKey, previous: [oldKey], index: process.env.DATA_INDEX_KEY! });
    expect(currentKeyId()).not.toBe(oldId);
    const during = Array.from({ length: 5 }, (_, i) => unique(`during${i}`));
    const [result] = await Promise.all([resealPersonalData(db(), { batchSize: 4 }), ...during.map((e) => sign(e, "During"))]);
    expect(result.unreadable).toBe(0);
    expect(result.resealed).toBeGreaterThan(0);

    const sealedValues = rowsOf<{ v: string }>(
      await db().execute(sql`select v from (
        select email_sealed as v from signatures union all select name_sealed from signatures
        union all select email_sealed from rsvps union all select name_sealed from rsvps
        union all select email_sealed from subscribers) x where v is not null`),
    );
    expect(sealedValues.length).toBeGreaterThan(20);
    expect(sealedValues.filter((r) => sealedKeyId(r.v) !== currentKeyId())).toEqual([]);
    expect((await resealPersonalData(db())).resealed).toBe(0); // resumable: nothing left to do

    // Readable with the new key alone (the old one dropped from DATA_KEY_PREVIOUS).
    configurePersonalData({ current: newKey, index: process.env.DATA_INDEX_KEY! });
    for (const e of [...before, ...during]) expect((await findSignaturesByEmail(db(), e))[0]?.email).toBe(e);
    const [rsvp] = await db().select().from(rsvps).where(eq(rsvps.emailIndex, emailIndex(attendee)));
    expect([open("rsvps.email", rsvp!.emailSealed!), open("rsvps.name", rsvp!.nameSealed!)]).toEqual([attendee, "Rot Attendee"]);
    // The index did not move: a signer of before the rotation is still a duplicate.
    await sign(before[0]!, "Again");
    expect(await db().select().from(signatures).where(eq(signatures.emailIndex, emailIndex(before[0]!)))).toHaveLength(1);
  });
});

describe("a changed or moved ciphertext", () => {
  it("fails to open, and the pages a person reaches still answer", async () => {
    const email = unique("tamper");
    await sign(email, "Tamper Target");
    const [row] = await db().select().from(signatures).where(eq(signatures.emailIndex, emailIndex(email)));
    // Moved: the address's ciphertext in the name's column does not open as a name.
    expect(() => open("signatures.name", row!.emailSealed!)).toThrow(PersonalDataError);
    // Changed: one character of the ciphertext.
    const parts = row!.nameSealed!.split(".");
    const body = parts[3]!;
    parts[3] = (body[0] === "A" ? "B" : "A") + body.slice(1);
    const tampered = parts.join(".");
    expect(() => open("signatures.name", tampered)).toThrow(PersonalDataError);

    await db().update(signatures).set({ nameSealed: row!.emailSealed, emailSealed: tampered }).where(eq(signatures.id, row!.id));
    const data = await readYourData(db(), yourDataToken(email));
    expect(data.signatures).toHaveLength(1);
    expect(data.signatures[0]).toMatchObject({ email, name: "" });
    // Confirming still works (the "send me updates" subscription is skipped: its address does not open).
    await expect(confirmSignature(db(), tokenFromNonce(row!.tokenNonce))).resolves.toMatchObject({ outcome: "confirmed" });
    // Newest first: the tampered name is on the public list as an empty name, and the page answers.
    const list = await listPublicSigners(db(), world.published.id);
    expect(list.signers[0]?.name).toBe("");
    // A subscriber's address that does not open is left out of a send, never mailed to someone else.
    const sub = unique("tamper-sub");
    await subscribeToCampaign(db(), world.campaignA.slug, subscribeInputSchema.parse({ email: sub, locale: "en" }));
    await db().update(subscribers).set({ emailSealed: row!.nameSealed }).where(eq(subscribers.emailIndex, emailIndex(sub)));
    await expect(readYourData(db(), yourDataToken(sub))).resolves.toMatchObject({ subscriptions: [{ email: sub }] });
  });
});
