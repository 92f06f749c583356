import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailIndexIn } from "@/db/testing";
import { emailIndex } from "@/db/personal-data";
import { eq, inArray, sql } from "drizzle-orm";
import { setUpTestDatabase } from "@/db/test-database";
import { setUpResendCapture } from "@/lib/email/test-capture";
import { campaigns, petitionCountShards, petitions, signatures } from "@/db/schema";
import { rowsOf } from "@/db";
import { findVisiblePetitionBySlug } from "@/db/queries/petitions";
import { reconcileConfirmedCounts } from "@/db/queries/signatures";
import { seed } from "@/db/seed";
import { isAppError } from "@/lib/errors";
import { type MailSender, startMailSender } from "@/lib/email/sender";
import { untilMailSettled } from "@/lib/email/testing";
import { signInputSchema } from "@/lib/validation/signatures";
import { confirmSignature } from "./confirm-signature";
import { signPetition } from "./sign-petition";

const database = setUpTestDatabase({ max: 10 });
const capture = setUpResendCapture();
let sender: MailSender | undefined;
const slug = "drop-the-charges";

function startWorking() {
  sender = startMailSender(database().db, { idleMs: 100, retryBaseMs: 300, maxRps: 20 });
}

async function stopWorking() {
  await sender?.stop();
  sender = undefined;
}

function input(over: Partial<Record<string, string>> = {}) {
  return signInputSchema.parse({ name: "Әлия Нұрланқызы", email: `aliya.${Math.random().toString(36).slice(2)}@example.org`, locale: "ru", ...over });
}

const count = async (s = slug) => (await findVisiblePetitionBySlug(database().db, s))!.count;
const tokenIn = (text: string | null) => /\/confirm\/([A-Za-z0-9_-]{43})/.exec(text ?? "")?.[1];
const mailTo = (address: string) => capture().emails().filter((e) => e.to.includes(address));

beforeAll(async () => {
  await seed(database().db);
  startWorking();
});

afterAll(async () => {
  await stopWorking();
});

beforeEach(() => capture().failNext(0));

describe("signing a petition", () => {
  it("sends exactly one email in the signer's language, and confirming counts once", async () => {
    const before = await count();
    const signer = input();
    await signPetition({ db: database().db }, slug, signer);
    const email = await capture().waitFor((e) => e.to.includes(signer.email), 15_000);
    expect(email.subject).toMatch(/^Подтвердите подпись/);
    expect(email.html).toContain("Әлия Нұрланқызы");
    expect(email.text).toContain("Әлия Нұрланқызы");
    expect(email.idempotencyKey).toMatch(/^batch\//); // the batch request it went in
    expect(await count()).toBe(before); // pending signatures do not count

    const token = tokenIn(email.text)!;
    expect(token).toBeDefined();
    await expect(confirmSignature(database().db, token)).resolves.toEqual({ outcome: "confirmed", petitionSlug: slug });
    expect(await count()).toBe(before + 1);
    await expect(confirmSignature(database().db, token)).resolves.toEqual({ outcome: "already_confirmed", petitionSlug: slug });
    expect(await count()).toBe(before + 1);
    await untilMailSettled(database().db); // nothing left to send: any further email would be on its way now
    expect(mailTo(signer.email)).toHaveLength(1);
  });

  it("stores each consent on its own with its time and wording, and nothing for unticked boxes", async () => {
    const withConsent = input({ updates: "on", public: "on", delivery: "on" });
    const publicOnly = input({ public: "on" });
    const without = input();
    for (const s of [withConsent, publicOnly, without]) await signPetition({ db: database().db }, slug, s);
    const rows = await database().db
      .select()
      .from(signatures)
      .where(inArray(signatures.emailIndex, [withConsent.email, publicOnly.email, without.email].map(emailIndex)));
    const a = rows.find((r) => r.emailIndex === emailIndex(withConsent.email))!;
    const p = rows.find((r) => r.emailIndex === emailIndex(publicOnly.email))!;
    const b = rows.find((r) => r.emailIndex === emailIndex(without.email))!;
    expect(a).toMatchObject({ consentUpdates: true, showNamePublicly: true, consentDelivery: true, state: "pending" });
    expect(a.consentUpdatesAt).toBeInstanceOf(Date);
    expect(a.consentWordingVersion).toMatch(/^updates-/);
    expect(a.consentDeliveryAt).toBeInstanceOf(Date);
    expect(a.consentDeliveryWordingVersion).toMatch(/^delivery-/);
    // Showing a name publicly is not agreeing to hand it to the target.
    expect(p).toMatchObject({ showNamePublicly: true, consentDelivery: false, consentDeliveryAt: null, consentDeliveryWordingVersion: null });
    expect(b).toMatchObject({ consentUpdates: false, showNamePublicly: false, consentUpdatesAt: null, consentWordingVersion: null });
    expect(b).toMatchObject({ consentDelivery: false, consentDeliveryAt: null, consentDeliveryWordingVersion: null });
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps one signature when the same address signs 50 times at once, in any case", async () => {
    const address = `Many.${Date.now()}@Example.org`;
    const variants = Array.from({ length: 50 }, (_, i) => (i % 2 ? address.toUpperCase() : address.toLowerCase()));
    const results = await Promise.allSettled(
      variants.map((email) => signPetition({ db: database().db }, slug, input({ email }))),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await database().db.select().from(signatures).where(eq(signatures.emailIndex, emailIndex(address.toLowerCase())));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.confirmationEmailsSent).toBeLessThanOrEqual(3);
    await untilMailSettled(database().db); // nothing left to send: any further email would be on its way now
    const sent = mailTo(address.toLowerCase());
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThanOrEqual(3);
  });

  it("stores every one of 200 concurrent new signers, each with exactly one confirmation email queued", async () => {
    await stopWorking(); // keep the emails in the outbox to count them
    const tag = `crowd${Date.now()}`;
    const signers = Array.from({ length: 200 }, (_, i) => input({ email: `${tag}.${i}@example.org` }));
    await Promise.all(signers.map((s) => signPetition({ db: database().db }, slug, s)));
    const [row] = rowsOf<{ signatures: number; emails: number; distinct_emails: number }>(
      await database().db.execute(sql`
        select (select count(*) from signatures where email_index in ${emailIndexIn(signers.map((x) => x.email))})::int as signatures,
               count(o.id)::int as emails, count(distinct o.payload->>'signatureId')::int as distinct_emails
        from signatures s join email_outbox o on o.kind = 'signature-confirmation' and o.payload->>'signatureId' = s.id::text
        where s.email_index in ${emailIndexIn(signers.map((x) => x.email))}`),
    );
    expect(row).toEqual({ signatures: 200, emails: 200, distinct_emails: 200 });
    // Not 200 emails for the next tests to wait behind.
    await database().db.execute(sql`
      delete from email_outbox o using signatures s
      where o.kind = 'signature-confirmation' and o.payload->>'signatureId' = s.id::text and s.email_index in ${emailIndexIn(signers.map((x) => x.email))}`);
    startWorking();
  });

  it("re-sends a pending signature's link, at most three emails in all, each with the same working link", async () => {
    const signer = input();
    for (let i = 0; i < 5; i++) await signPetition({ db: database().db }, slug, signer);
    await untilMailSettled(database().db); // nothing left to send: any further email would be on its way now
    const sent = mailTo(signer.email);
    expect(sent).toHaveLength(3);
    const tokens = new Set(sent.map((e) => tokenIn(e.text)));
    expect(tokens.size).toBe(1);
    const before = await count();
    await expect(confirmSignature(database().db, [...tokens][0]!)).resolves.toMatchObject({ outcome: "confirmed" });
    expect(await count()).toBe(before + 1);
  });

  it("answers a confirmed signer like a new one, and tells the address owner by email", async () => {
    const signer = input({ locale: "en" });
    await signPetition({ db: database().db }, slug, signer);
    const first = await capture().waitFor((e) => e.to.includes(signer.email), 15_000);
    await confirmSignature(database().db, tokenIn(first.text)!);
    const before = await count();
    await expect(signPetition({ db: database().db }, slug, { ...signer, email: signer.email })).resolves.toEqual({
      outcome: "check_email",
    });
    const notice = await capture().waitFor((e) => e.to.includes(signer.email) && e.subject.startsWith("You have already signed"), 15_000);
    expect(notice.text).toContain("already confirmed");
    expect(await count()).toBe(before);
  });

  it("writes each email in the language of the request that caused it, not the first signature's", async () => {
    const signer = input({ locale: "kk" });
    await signPetition({ db: database().db }, slug, signer);
    const first = await capture().waitFor((e) => e.to.includes(signer.email), 15_000);
    expect(first.text).toContain("/kk/confirm/");
    // Signing again on the English page while pending: the link is re-sent, in English.
    await signPetition({ db: database().db }, slug, { ...signer, locale: "en" });
    const resent = await capture().waitFor((e) => e.to.includes(signer.email) && e.id !== first.id, 15_000);
    expect(resent.subject).toMatch(/^Confirm your signature/);
    expect(resent.text).toContain("/en/confirm/");
    await confirmSignature(database().db, tokenIn(first.text)!);
    // Once confirmed, signing on the Russian page: "already signed", in Russian.
    await signPetition({ db: database().db }, slug, { ...signer, locale: "ru" });
    const notice = await capture().waitFor((e) => e.to.includes(signer.email) && e.subject.startsWith("Вы уже подписали"), 15_000);
    expect(notice.text).toContain("/ru/petitions/");
  });

  it("still delivers exactly one email when the provider fails twice with 500", async () => {
    capture().failNext(2, 500);
    const signer = input();
    await signPetition({ db: database().db }, slug, signer);
    await capture().waitFor((e) => e.to.includes(signer.email), 20_000);
    await untilMailSettled(database().db); // nothing left to send: any further email would be on its way now
    expect(mailTo(signer.email)).toHaveLength(1);
  });

  it("loses no email when the process dies between the commit and the send", async () => {
    await stopWorking(); // the process "dies": no sender runs
    const signer = input();
    await signPetition({ db: database().db }, slug, signer);
    expect(mailTo(signer.email)).toHaveLength(0);
    startWorking(); // a new process starts
    await capture().waitFor((e) => e.to.includes(signer.email), 15_000);
    await untilMailSettled(database().db); // nothing left to send: any further email would be on its way now
    expect(mailTo(signer.email)).toHaveLength(1);
  });

  it("refuses signatures on closed petitions and after the deadline, writing nothing", async () => {
    const [campaign] = await database().db.select({ id: petitions.campaignId }).from(petitions).limit(1);
    const text = { ru: "т", kk: "т", en: "t" };
    await database().db.insert(petitions).values([
      { campaignId: campaign!.id, slug: "closed-one", state: "closed", target: text, title: text, summary: text, body: text, goal: 10 },
      { campaignId: campaign!.id, slug: "past-deadline", state: "published", target: text, title: text, summary: text, body: text, goal: 10, deadline: new Date(Date.now() - 1000) },
    ]);
    for (const s of ["closed-one", "past-deadline"]) {
      await expect(signPetition({ db: database().db }, s, input())).rejects.toSatisfy((e) => isAppError(e, "petition_closed"));
    }
    await expect(signPetition({ db: database().db }, "no-such-petition", input())).rejects.toSatisfy((e) =>
      isAppError(e, "petition_not_found"),
    );
    // A published petition of a campaign taken down (unpublished) is not there for the public.
    const [hidden] = await database().db
      .insert(campaigns)
      .values({ slug: `hidden-${Date.now()}`, state: "draft", name: text, tagline: text })
      .returning({ id: campaigns.id });
    await database().db.insert(petitions).values({ campaignId: hidden!.id, slug: "in-hidden-campaign", state: "published", target: text, title: text, summary: text, body: text, goal: 10 });
    await expect(signPetition({ db: database().db }, "in-hidden-campaign", input())).rejects.toSatisfy((e) =>
      isAppError(e, "petition_not_found"),
    );
    const written = await database().db
      .select({ n: sql<number>`count(*)::int` })
      .from(signatures)
      .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
      .where(sql`${petitions.slug} in ('closed-one', 'past-deadline', 'in-hidden-campaign')`);
    expect(written[0]!.n).toBe(0);
  });

  it("refuses unknown and expired links", async () => {
    await expect(confirmSignature(database().db, "x".repeat(43))).rejects.toSatisfy((e) => isAppError(e, "token_invalid"));
    const signer = input();
    await signPetition({ db: database().db }, slug, signer);
    const email = await capture().waitFor((e) => e.to.includes(signer.email), 15_000);
    await database().db.update(signatures).set({ tokenExpiresAt: new Date(Date.now() - 1000) }).where(eq(signatures.emailIndex, emailIndex(signer.email)));
    await expect(confirmSignature(database().db, tokenIn(email.text)!)).rejects.toSatisfy((e) => isAppError(e, "token_expired"));
  });

  it("reconciles the sharded count with the confirmed signatures", async () => {
    const [p] = await database().db.select({ id: petitions.id }).from(petitions).where(eq(petitions.slug, slug));
    const truth = await count();
    await database().db.insert(petitionCountShards).values({ petitionId: p!.id, shard: 7, confirmed: 5 }).onConflictDoUpdate({
      target: [petitionCountShards.petitionId, petitionCountShards.shard],
      set: { confirmed: sql`${petitionCountShards.confirmed} + 5` },
    });
    expect(await count()).toBe(truth + 5);
    expect(await reconcileConfirmedCounts(database().db)).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(truth);
    expect(await reconcileConfirmedCounts(database().db)).toBe(0);
  });
});
