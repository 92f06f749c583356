import { randomBytes } from "node:crypto";
import { emailIndex, sealedSubscriber } from "@/db/personal-data";
import { eq, inArray, sql } from "drizzle-orm";
import { Webhook } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as subscribeRoute } from "@/app/api/v1/campaigns/[slug]/subscribers/route";
import { POST as preferencesRoute } from "@/app/api/v1/subscriptions/manage/route";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/v1/unsubscribe/[token]/route";
import { POST as webhookRoute } from "@/app/api/v1/webhooks/resend/route";
import { type ResendCapture, startResendCapture } from "@/e2e/support/resend-capture";
import { rowsOf, setProcessDatabase } from "@/db";
import { findPublishedCampaign } from "@/db/queries/campaigns";
import { listDeliverableSubscribers } from "@/db/queries/subscribers";
import { campaigns, emailOutbox, emailSuppressions, rsvps, subscribers } from "@/db/schema";
import { seed } from "@/db/seed";
import { testDriver } from "@/db/testing";
import { setUpTestDatabase } from "@/db/test-database";
import { confirmByToken } from "@/lib/confirmations/confirm-by-token";
import { enqueueEmail } from "@/lib/email/outbox";
import { drainMail } from "@/lib/email/testing";
import { catalogues } from "@/lib/i18n/translator";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { signPetition } from "@/lib/signatures/sign-petition";
import { signInputSchema } from "@/lib/validation/signatures";
import { rsvpConfirmable } from "@/lib/rallies/confirm-rsvp";
import { confirmTokenOf as rsvpConfirmTokenOf } from "@/lib/rallies/rsvp-tokens";
import { rsvpToRally } from "@/lib/rallies/rsvp-to-rally";
import { makeRally } from "@/lib/rallies/test-rallies";
import { rsvpInputSchema } from "@/lib/validation/rallies";
import { subscriptionConfirmable } from "./confirm-subscription";
import { listUnsubscribeHeaders, preferencesUrl, unsubscribeUrl } from "./links";
import { manageTokenOf } from "./tokens";

const database = setUpTestDatabase({ max: 10 });
const secret = `whsec_${randomBytes(24).toString("base64")}`;
const appUrl = "http://qoldau.test";
const hook = (request: Request) => webhookRoute(request, undefined);
let capture: ResendCapture;
let campaign: { id: string; slug: string };

beforeAll(async () => {
  capture = await startResendCapture();
  Object.assign(process.env, {
    RESEND_API_KEY: "re_test_key",
    RESEND_BASE_URL: capture.url,
    APP_URL: appUrl,
    AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    MAIL_FROM: "Qoldau <noreply@qoldau.test>",
    RESEND_WEBHOOK_SECRET: secret,
  });
  await seed(database().db);
  setProcessDatabase(database());
  const found = await findPublishedCampaign(database().db);
  campaign = { id: found!.id, slug: found!.slug };
});
afterAll(async () => capture?.close());

const address = (name: string) => `${name}.${randomBytes(4).toString("hex")}@example.org`;
const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});
const subscribe = (fields: Record<string, string>) =>
  subscribeRoute(new Request(`${appUrl}/api/v1/campaigns/${campaign.slug}/subscribers`, form(fields)), { params: Promise.resolve({ slug: campaign.slug }) });

async function rowsOfAddress(email: string) {
  return database().db.select().from(subscribers).where(eq(subscribers.emailIndex, emailIndex(email)));
}
async function only(email: string) {
  const rows = await rowsOfAddress(email);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}
const mailTo = (email: string) => capture.emails().filter((e) => e.to.includes(email));
const outboxCount = async () => rowsOf<{ n: number }>(await database().db.execute(sql`select count(*)::int as n from ${emailOutbox}`))[0]!.n;
const confirmTokenIn = (text: string | null) => /\/confirmations\/subscription\/([A-Za-z0-9_-]{43})/.exec(text ?? "")?.[1];

function signedWebhook(payload: unknown, options: { at?: Date; key?: string; id?: string } = {}) {
  const body = JSON.stringify(payload);
  const id = options.id ?? `msg_${randomBytes(8).toString("hex")}`;
  const at = options.at ?? new Date();
  const signature = new Webhook(options.key ?? secret).sign(id, at, body);
  return new Request(`${appUrl}/api/v1/webhooks/resend`, {
    method: "POST",
    headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature },
    body,
  });
}
const bounce = (to: string, type = "email.bounced") => ({ type, created_at: new Date().toISOString(), data: { email_id: "e1", to: [to], subject: "x", bounce: { type: "Permanent" } } });

async function confirmedSubscriber(email: string) {
  expect((await subscribe({ email, locale: "kk" })).status).toBe(303);
  await drainMail(database().db);
  const token = confirmTokenIn(mailTo(email).at(-1)?.text ?? null);
  expect(token).toBeDefined();
  await confirmByToken(database().db, subscriptionConfirmable, token);
  return only(email);
}

/** The same address, already confirmed on another published campaign's list (rows written directly). */
async function confirmedInAnotherCampaign(email: string) {
  const [other] = await database().db.insert(campaigns).values({ slug: `other-${randomBytes(3).toString("hex")}`, state: "published", name: { ru: "B", kk: "B", en: "B" }, tagline: { ru: "", kk: "", en: "" } }).returning();
  await database().db.insert(subscribers).values({
    campaignId: other!.id,
    ...sealedSubscriber(email),
    locale: "ru",
    state: "confirmed",
    source: "standalone",
    consentWordingVersion: "x",
    tokenNonce: randomBytes(16).toString("base64url"),
    confirmTokenHash: randomBytes(32).toString("hex"),
    manageTokenHash: randomBytes(32).toString("hex"),
    tokenExpiresAt: new Date(),
  });
  return other!;
}

describe(`subscribers on ${testDriver}`, () => {
  it("the standalone form: twice is one row, the same answer, the link again (at most three emails); confirming twice confirms once", async () => {
    const email = address("twice");
    const first = await subscribe({ email: `  ${email.toUpperCase()} `, locale: "kk" });
    const second = await subscribe({ email, locale: "kk" });
    for (const response of [first, second]) {
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/kk/subscribe/check-email");
    }
    const row = await only(email);
    expect(row).toMatchObject({ state: "pending", source: "standalone", locale: "kk", confirmationEmailsSent: 2 });
    await subscribe({ email, locale: "kk" });
    await subscribe({ email, locale: "kk" }); // the fourth: same answer, no email
    await drainMail(database().db);
    const emails = mailTo(email);
    expect(emails).toHaveLength(3);
    expect(emails[0]!.subject.startsWith(catalogues.kk.emails.subscription.subject.split("{campaign}")[0]!)).toBe(true);
    expect(emails[0]!.headers["List-Unsubscribe"]).toBeUndefined(); // transactional: no such header
    const token = confirmTokenIn(emails[0]!.text)!;
    expect(new Set(emails.map((e) => confirmTokenIn(e.text)))).toEqual(new Set([token])); // one link per subscriber

    await expect(confirmByToken(database().db, subscriptionConfirmable, token)).resolves.toMatchObject({ outcome: "confirmed" });
    await expect(confirmByToken(database().db, subscriptionConfirmable, token)).resolves.toMatchObject({ outcome: "already_confirmed" });
    expect(await only(email)).toMatchObject({ state: "confirmed" });
    // Confirmed: asking again sends nothing and says the same.
    expect((await subscribe({ email, locale: "ru" })).headers.get("location")).toBe("/ru/subscribe/check-email");
    await drainMail(database().db);
    expect(mailTo(email)).toHaveLength(3);
    expect((await listDeliverableSubscribers(database().db, campaign.id, null, 1000)).map((s) => s.email)).toContain(email);
  });

  it("an invalid address: the form again with the translated message, 422, nothing written", async () => {
    const before = await outboxCount();
    const response = await subscribe({ email: "not-an-address", locale: "en" });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain(catalogues.en.subscribe.errors.email_invalid);
    expect(page).toContain('value="not-an-address"');
    expect(await rowsOfAddress("not-an-address")).toHaveLength(0);
    expect(await outboxCount()).toBe(before);
  });

  it("signing with “send me updates” and confirming: a confirmed subscriber, one email in all", async () => {
    const email = address("signer");
    const withUpdates = signInputSchema.parse({ name: "Әлия Нұрланқызы", email, locale: "en", updates: "on" });
    await signPetition({ db: database().db }, "drop-the-charges", withUpdates);
    expect(await rowsOfAddress(email)).toHaveLength(0); // nothing before the confirmation
    await drainMail(database().db);
    const token = /\/confirm\/([A-Za-z0-9_-]{43})/.exec(mailTo(email)[0]?.text ?? "")?.[1];
    await confirmSignature(database().db, token!);
    const row = await only(email);
    expect(row).toMatchObject({ state: "confirmed", source: "sign_form", locale: "en", campaignId: campaign.id, consentWordingVersion: "updates-2026-12-v3" });
    expect(row.confirmedAt).not.toBeNull();
    await drainMail(database().db);
    expect(mailTo(email)).toHaveLength(1);

    // Without the box: no subscriber.
    const other = address("no-updates");
    await signPetition({ db: database().db }, "drop-the-charges", signInputSchema.parse({ name: "Марат", email: other, locale: "ru" }));
    await drainMail(database().db);
    await confirmSignature(database().db, /\/confirm\/([A-Za-z0-9_-]{43})/.exec(mailTo(other)[0]?.text ?? "")![1]!);
    expect(await rowsOfAddress(other)).toHaveLength(0);
  });

  it("a signed bounce webhook suppresses the address for every campaign; a complaint too; other events keep nothing", async () => {
    const email = address("bounce");
    await confirmedSubscriber(email);
    const second = await confirmedInAnotherCampaign(email);

    const response = await hook(signedWebhook(bounce(`Someone <${email.toUpperCase()}>`)));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: "suppressed", addresses: 1 });
    expect((await rowsOfAddress(email)).map((r) => r.state)).toEqual(["suppressed", "suppressed"]);
    const [suppression] = await database().db.select().from(emailSuppressions).where(eq(emailSuppressions.emailIndex, emailIndex(email)));
    expect(suppression?.reason).toBe("bounce");
    for (const id of [campaign.id, second.id]) expect((await listDeliverableSubscribers(database().db, id, null, 1000)).map((s) => s.email)).not.toContain(email);
    // The same event again (svix retries): 200, nothing more.
    expect((await hook(signedWebhook(bounce(email)))).status).toBe(200);

    const complainer = address("complaint");
    await confirmedSubscriber(complainer);
    expect((await hook(signedWebhook(bounce(complainer, "email.complained")))).status).toBe(200);
    expect((await only(complainer)).state).toBe("suppressed");
    // A suppressed address asking again gets the same page and no email.
    const sent = mailTo(complainer).length;
    expect((await subscribe({ email: complainer, locale: "kk" })).status).toBe(303);
    await drainMail(database().db);
    expect(mailTo(complainer)).toHaveLength(sent);

    const opener = address("opener");
    await confirmedSubscriber(opener);
    for (const type of ["email.opened", "email.clicked", "email.delivered"]) {
      const answer = await hook(signedWebhook({ type, created_at: new Date().toISOString(), data: { to: [opener], click: { link: "https://x" } } }));
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ outcome: "ignored", addresses: 0 });
    }
    expect((await only(opener)).state).toBe("confirmed");
  });

  it("forged, stale, unsigned and oversized webhooks: 4xx, nothing changed", async () => {
    const email = address("forged");
    await confirmedSubscriber(email);
    const suppressions = async () => (await database().db.select().from(emailSuppressions)).length;
    const before = await suppressions();
    const otherKey = `whsec_${randomBytes(24).toString("base64")}`;
    const forged = signedWebhook(bounce(email), { key: otherKey });
    const stale = signedWebhook(bounce(email), { at: new Date(Date.now() - 10 * 60_000) });
    const future = signedWebhook(bounce(email), { at: new Date(Date.now() + 10 * 60_000) });
    const unsigned = new Request(`${appUrl}/api/v1/webhooks/resend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(bounce(email)) });
    // A valid signature over another body.
    const genuine = signedWebhook(bounce(address("someone-else")));
    const altered = new Request(genuine.url, { method: "POST", headers: genuine.headers, body: JSON.stringify(bounce(email)) });
    for (const request of [forged, stale, future, unsigned, altered]) {
      const response = await hook(request);
      expect(response.status).toBe(400);
    }
    const huge = signedWebhook({ ...bounce(email), padding: "x".repeat(100_000) });
    expect((await hook(huge)).status).toBe(413);
    expect(await suppressions()).toBe(before);
    expect((await only(email)).state).toBe("confirmed");
  });

  it("one-click unsubscribe: a cookie-less POST unsubscribes and answers 200, again 200; GET changes nothing; a tampered token changes nothing", async () => {
    const email = address("oneclick");
    const row = await confirmedSubscriber(email);
    const url = unsubscribeUrl(row);
    expect(listUnsubscribeHeaders(row)).toEqual({ "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(url).toMatch(new RegExp(`^${appUrl}/api/v1/unsubscribe/[A-Za-z0-9_-]{43}$`));
    const token = url.split("/").at(-1)!;
    const ctx = (t: string) => ({ params: Promise.resolve({ token: t }) });

    const opened = await unsubscribeGet(new Request(url), ctx(token));
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`/kk/unsubscribe/${token}`);
    expect((await only(email)).state).toBe("confirmed");

    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const refused = await unsubscribePost(new Request(url, form({ "List-Unsubscribe": "One-Click" })), ctx(tampered));
    expect(refused.status).toBe(404);
    const wrongBody = await unsubscribePost(new Request(url, form({ something: "else" })), ctx(token));
    expect(wrongBody.status).toBe(400);
    expect((await only(email)).state).toBe("confirmed");

    for (let i = 0; i < 2; i++) {
      const response = await unsubscribePost(new Request(url, form({ "List-Unsubscribe": "One-Click" })), ctx(token));
      expect(response.status).toBe(200);
    }
    // multipart/form-data, as RFC 8058 also allows.
    const multipart = new FormData();
    multipart.set("List-Unsubscribe", "One-Click");
    expect((await unsubscribePost(new Request(url, { method: "POST", body: multipart }), ctx(token))).status).toBe(200);
    const after = await only(email);
    expect(after.state).toBe("unsubscribed");
    expect(after.unsubscribedAt).not.toBeNull();
    expect((await listDeliverableSubscribers(database().db, campaign.id, null, 1000)).map((s) => s.email)).not.toContain(email);
  });

  it("preferences: the language changes, “everywhere” leaves every list; a tampered token changes nothing", async () => {
    const email = address("prefs");
    const row = await confirmedSubscriber(email);
    const token = manageTokenOf(row.tokenNonce);
    expect(preferencesUrl(row)).toBe(`${appUrl}/kk/subscriptions/${token}`);
    const post = (fields: Record<string, string>) => preferencesRoute(new Request(`${appUrl}/api/v1/subscriptions/manage`, form(fields)), undefined);

    const tampered = `${token.slice(0, -2)}xx`;
    const refused = await post({ token: tampered, action: "language", language: "en", locale: "kk" });
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe(`/kk/subscriptions/${tampered}`);
    expect((await only(email)).locale).toBe("kk");

    const changed = await post({ token, action: "language", language: "en", locale: "kk" });
    expect(changed.headers.get("location")).toBe(`/en/subscriptions/${token}?done=language`);
    expect(await only(email)).toMatchObject({ locale: "en", state: "confirmed" });
    const invalidLanguage = await post({ token, action: "language", language: "de", locale: "en" });
    expect(invalidLanguage.status).toBe(303);
    expect((await only(email)).locale).toBe("en");

    await confirmedInAnotherCampaign(email);
    const left = await post({ token, action: "unsubscribe_all", locale: "en" });
    expect(left.headers.get("location")).toBe(`/en/subscriptions/${token}?done=unsubscribed_all`);
    expect((await rowsOfAddress(email)).map((r) => r.state)).toEqual(["unsubscribed", "unsubscribed"]);
  });

  it("an RSVP with “send me campaign updates” confirms a subscription with its own confirmation", async () => {
    const { db } = database();
    const rally = await makeRally(db, campaign.id, "announced");
    const email = address("rsvp");
    await rsvpToRally({ db, jobs: { enqueue: async () => null } }, rally.slug, rsvpInputSchema.parse({ email, updates: "on", locale: "ru" }));
    expect(await rowsOfAddress(email)).toHaveLength(0);
    const [rsvp] = await db.select({ nonce: rsvps.tokenNonce }).from(rsvps).where(eq(rsvps.emailIndex, emailIndex(email)));
    await expect(confirmByToken(db, rsvpConfirmable, rsvpConfirmTokenOf(rsvp!.nonce))).resolves.toMatchObject({ outcome: "confirmed" });
    expect(await only(email)).toMatchObject({ state: "confirmed", source: "rsvp", locale: "ru" });
  });

  it("bulk mail (a rally reminder) skips a suppressed address; the others still get it", async () => {
    const { db } = database();
    const rally = await makeRally(db, campaign.id, "announced");
    const attend = async (email: string) => {
      await rsvpToRally({ db, jobs: { enqueue: async () => null } }, rally.slug, rsvpInputSchema.parse({ email, locale: "ru" }));
      const [rsvp] = await db.select({ id: rsvps.id, nonce: rsvps.tokenNonce }).from(rsvps).where(eq(rsvps.emailIndex, emailIndex(email)));
      await confirmByToken(db, rsvpConfirmable, rsvpConfirmTokenOf(rsvp!.nonce));
      return rsvp!.id;
    };
    const bounced = address("bounced-attendee");
    const fine = address("fine-attendee");
    const ids = [await attend(bounced), await attend(fine)];
    await drainMail(db);
    expect((await hook(signedWebhook(bounce(bounced)))).status).toBe(200);
    const before = { bounced: mailTo(bounced).length, fine: mailTo(fine).length };
    const outboxIds = [];
    for (const rsvpId of ids) outboxIds.push(await enqueueEmail(db, "rally-email", { kind: "day_before", rsvpId, key: "suppression-test" }));
    await drainMail(db);
    expect(mailTo(fine)).toHaveLength(before.fine + 1);
    expect(mailTo(bounced)).toHaveLength(before.bounced);
    const states = await db.select({ id: emailOutbox.id, state: emailOutbox.state }).from(emailOutbox).where(inArray(emailOutbox.id, outboxIds));
    expect(Object.fromEntries(states.map((r) => [r.id, r.state]))).toEqual({ [outboxIds[0]!]: "skipped", [outboxIds[1]!]: "sent" });
  });
});
