import { eq, sql } from "drizzle-orm";
import { emailIndex, open as openSealed, sealedAttendee, sealedSigner, sealedSubscriber } from "@/db/personal-data";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as yourDataRoute } from "@/app/api/v1/your-data/route";
import { rowsOf, setProcessDatabase } from "@/db";
import { findVisiblePetitionBySlug } from "@/db/queries/petitions";
import { countPublicSignerNames, reconcileConfirmedCounts } from "@/db/queries/signatures";
import { auditLog, emailOutbox, rallies, rsvps, signatures, subscribers } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { setUpResendCapture } from "@/lib/email/test-capture";
import { drainMail } from "@/lib/email/testing";
import { appUrl } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { catalogues } from "@/lib/i18n/translator";
import { makeWorld } from "@/lib/organizers/test-world";
import { insertNoticesWithJobs } from "@/lib/rallies/notices";
import { makeAttendee, makeRally } from "@/lib/rallies/test-rallies";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { signPetition } from "@/lib/signatures/sign-petition";
import { tokenFromNonce } from "@/lib/signatures/tokens";
import { signInputSchema } from "@/lib/validation/signatures";
import { deleteYourData } from "./delete-your-data";
import type { YourDataExport } from "./export-your-data";
import { emailOfYourDataToken, yourDataToken } from "./link";
import { readYourData } from "./read-your-data";
import { resumeEmail, stopAllEmail } from "./stop-all-email";
import { withdrawSignature } from "./withdraw-signature";

// Issue 13 item 8: signer control without an account, from the "your data" link in every email.

const capture = setUpResendCapture();
const database = setUpTestDatabase({ max: 10 });
const db = () => database().db;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  setProcessDatabase(database());
  world = await makeWorld(db());
});

let n = 0;
const address = (tag: string) => `Person.${tag}.${++n}@Example.org`;
const normalized = (email: string) => email.toLowerCase();
const sign = (slug: string, email: string, name = "Әлия Нұрланқызы") =>
  signPetition({ db: db() }, slug, signInputSchema.parse({ name, email, locale: "ru", public: "on" }));
const count = async (slug: string) => (await findVisiblePetitionBySlug(db(), slug))!.count;
const signatureOf = async (slug: string, email: string) => {
  const rows = await db().select().from(signatures).where(eq(signatures.emailIndex, emailIndex(normalized(email))));
  const petition = await findVisiblePetitionBySlug(db(), slug);
  return rows.find((r) => r.petitionId === petition!.petition.id) ?? null;
};
async function signAndConfirm(slug: string, email: string) {
  await sign(slug, email);
  const s = (await signatureOf(slug, email))!;
  await confirmSignature(db(), tokenFromNonce(s.tokenNonce));
  return s.id;
}
/** One character of the sealed part changed (the second-to-last: the last may carry only padding bits). */
const tampered = (token: string) => `${token.slice(0, -2)}${token.at(-2) === "A" ? "B" : "A"}${token.slice(-1)}`;
const linkIn = (text: string | null) => /https?:\/\/\S+\/(ru|kk|en)\/your-data\/(v1\.[A-Za-z0-9_.-]+)/.exec(text ?? "");
const post = (fields: Record<string, string>) =>
  yourDataRoute(
    new Request(`${appUrl()}/api/v1/your-data`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    }),
    undefined,
  );
const tableSizes = async () =>
  rowsOf<Record<string, number>>(
    await db().execute(sql`select (select count(*) from signatures)::int as s, (select count(*) from rsvps)::int as r,
      (select count(*) from email_outbox)::int as o, (select count(*) from email_suppressions)::int as x,
      (select coalesce(sum(confirmed), 0) from petition_count_shards)::int as c`),
  )[0];

describe("the your-data link", () => {
  it("is in the footer of every email, made for its recipient, in the email's language", async () => {
    const email = address("footer");
    await sign(world.published.slug, email);
    const rally = await makeRally(db(), world.campaignA.id, "announced");
    const attendee = await makeAttendee(db(), rally.id);
    await insertNoticesWithJobs(db(), { rallyId: rally.id, kind: "day_before", states: ["confirmed"], rsvpIds: [attendee.id] });
    await drainMail(db());
    for (const to of [normalized(email), attendee.email]) {
      const [mail] = capture().emails().filter((e) => e.to.includes(to));
      expect(mail, to).toBeDefined();
      for (const body of [mail!.text, mail!.html]) {
        const link = linkIn(body);
        expect(link?.[1]).toBe("ru");
        expect(emailOfYourDataToken(link![2])).toBe(to);
      }
      expect(mail!.text).toContain(catalogues.ru.emails.yourData.link);
      expect(mail!.html).not.toContain("qoldaufill");
    }
  });

  it("tampered, cut or made for nothing opens nothing and changes nothing: a translated 404 page", async () => {
    const email = address("tamper");
    const id = await signAndConfirm(world.published.slug, email);
    const token = yourDataToken(email);
    const before = await tableSizes();
    for (const bad of [tampered(token), token.slice(0, -4), "v1.x.y.z", "", `${token}.x`, yourDataToken("x").replace("v1", "v2")]) {
      expect(emailOfYourDataToken(bad)).toBeNull();
      await expect(readYourData(db(), bad)).rejects.toSatisfy((e) => isAppError(e, "token_invalid"));
      await expect(withdrawSignature(db(), bad, id)).rejects.toSatisfy((e) => isAppError(e, "token_invalid"));
      await expect(deleteYourData(db(), bad)).rejects.toSatisfy((e) => isAppError(e, "token_invalid"));
      for (const action of ["withdraw", "delete", "stop_email", "export"]) {
        const response = await post({ token: bad, locale: "kk", action, signatureId: id, confirm: "yes" });
        expect(response.status).toBe(404);
        expect(await response.text()).toContain(catalogues.kk.httpErrors.token_invalid);
      }
    }
    expect(await tableSizes()).toEqual(before);
  });
});

describe("withdrawing a signature", () => {
  it("takes it off the count at once, leaves nothing behind, and the address can sign again", async () => {
    const slug = world.published.slug;
    const email = address("withdraw");
    const token = yourDataToken(email);
    const before = await count(slug);
    const id = await signAndConfirm(slug, email);
    expect(await count(slug)).toBe(before + 1);
    const petitionId = (await findVisiblePetitionBySlug(db(), slug))!.petition.id;
    const names = await countPublicSignerNames(db(), petitionId);

    const response = await post({ token, locale: "en", action: "withdraw", signatureId: id });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/en/your-data/${token}?done=withdrawn`);
    expect(await count(slug)).toBe(before);
    expect(await signatureOf(slug, email)).toBeNull();
    expect(await countPublicSignerNames(db(), petitionId)).toBe(names - 1); // the name left the public list's count
    expect(await reconcileConfirmedCounts(db())).toBe(0); // the counts already agree with the signatures
    // Twice: said calmly, nothing moves.
    await expect(withdrawSignature(db(), token, id)).resolves.toEqual({ outcome: "already" });
    expect(await count(slug)).toBe(before);

    // Signing again works like the first time: pending, a confirmation email queued, and it counts once confirmed.
    await sign(slug, email, "Әлия again");
    const again = (await signatureOf(slug, email))!;
    expect(again.state).toBe("pending");
    const queued = await db().select().from(emailOutbox).where(sql`${emailOutbox.payload}->>'signatureId' = ${again.id}`);
    expect(queued).toHaveLength(1);
    await confirmSignature(db(), tokenFromNonce(again.tokenNonce));
    expect(await count(slug)).toBe(before + 1);
  });

  it("a pending one goes with its unsent email; another address's signature cannot be withdrawn with my link", async () => {
    const slug = world.published.slug;
    const mine = address("pending");
    const theirs = address("theirs");
    await sign(slug, mine);
    const theirId = await signAndConfirm(slug, theirs);
    const pending = (await signatureOf(slug, mine))!;
    const before = await count(slug);
    await expect(withdrawSignature(db(), yourDataToken(mine), theirId)).resolves.toEqual({ outcome: "already" });
    expect((await signatureOf(slug, theirs))?.state).toBe("confirmed");
    await expect(withdrawSignature(db(), yourDataToken(mine), pending.id)).resolves.toEqual({ outcome: "withdrawn" });
    expect(await signatureOf(slug, mine)).toBeNull();
    expect(await db().select().from(emailOutbox).where(sql`${emailOutbox.payload}->>'signatureId' = ${pending.id}`)).toHaveLength(0);
    expect(await count(slug)).toBe(before);
  });
});

describe("stop all email", () => {
  it("spares the address every rally notice but not the confirmation it asks for; undone, mail flows again", async () => {
    const rally = await makeRally(db(), world.campaignA.id, "announced");
    const attendee = await makeAttendee(db(), rally.id);
    const email = attendee.email;
    const token = yourDataToken(email);
    expect((await post({ token, locale: "ru", action: "stop_email" })).headers.get("location")).toBe(`/ru/your-data/${token}?done=email_stopped`);
    expect((await readYourData(db(), token)).emailStopped).toMatchObject({ reason: "requested", at: expect.any(Date) });

    await insertNoticesWithJobs(db(), { rallyId: rally.id, kind: "day_before", states: ["confirmed"], rsvpIds: [attendee.id] });
    await insertNoticesWithJobs(db(), { rallyId: rally.id, kind: "promoted", states: ["confirmed"], rsvpIds: [attendee.id] });
    await sign(world.published.slug, email); // asked for now: its confirmation link still comes
    await drainMail(db());
    const mail = capture().emails().filter((e) => e.to.includes(email));
    expect(mail.map((m) => m.subject)).toEqual([expect.stringContaining("Подтвердите подпись")]);
    const skipped = rowsOf<{ n: number }>(
      await db().execute(sql`select count(*)::int as n from email_outbox where kind = 'rally-email' and state = 'skipped'
        and payload->>'rsvpId' = ${attendee.id}`),
    );
    expect(skipped[0]!.n).toBe(2);

    await resumeEmail(db(), token);
    await insertNoticesWithJobs(db(), { rallyId: rally.id, kind: "day_of", states: ["confirmed"], rsvpIds: [attendee.id] });
    await drainMail(db());
    expect(capture().emails().filter((e) => e.to.includes(email))).toHaveLength(2);
    await stopAllEmail(db(), token);
    await stopAllEmail(db(), token); // twice is once
    expect(rowsOf(await db().execute(sql`select 1 from email_suppressions where email_index = ${emailIndex(email)}`))).toHaveLength(1);
  });
});

describe("download what we hold", () => {
  it("is every signature and RSVP of the address as stored, without link secrets; audited without the address", async () => {
    const email = address("export");
    await signAndConfirm(world.published.slug, email);
    await sign(world.closed.slug, email).catch(() => undefined); // closed: nothing stored
    const rally = await makeRally(db(), world.campaignA.id, "announced");
    const attendee = await makeAttendee(db(), rally.id);
    await db().update(rsvps).set(sealedAttendee(normalized(email), "Әлия at the rally")).where(eq(rsvps.id, attendee.id));

    await db().insert(subscribers).values({
      campaignId: world.campaignA.id, ...sealedSubscriber(normalized(email)), locale: "ru", state: "confirmed", source: "sign_form",
      consentWordingVersion: "v1", tokenNonce: "n", confirmTokenHash: `c-${n}`, manageTokenHash: `m-${n}`, tokenExpiresAt: new Date(), confirmedAt: new Date(),
    });

    const response = await post({ token: yourDataToken(email), locale: "en", action: "export" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const data = (await response.json()) as YourDataExport;
    expect(data.email).toBe(normalized(email));
    expect(data.signatures).toHaveLength(1);
    expect(data.signatures[0]).toMatchObject({ name: "Әлия Нұрланқызы", state: "confirmed", showNamePublicly: true, petitionSlug: world.published.slug });
    expect(data.rsvps).toHaveLength(1);
    expect(data.rsvps[0]).toMatchObject({ name: "Әлия at the rally", state: "confirmed", rallySlug: rally.slug });
    expect(data.subscriptions).toEqual([expect.objectContaining({ state: "confirmed", source: "sign_form", campaignSlug: world.campaignA.slug })]);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/tokenNonce|tokenHash|token_nonce|token_hash|manageToken|confirmToken/);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "your_data.export"));
    expect(audit?.details).toEqual({ signatures: 1, rsvps: 1, subscriptions: 1 });
    expect(JSON.stringify(audit)).not.toContain(normalized(email));
  });
});

describe("delete everything", () => {
  it("needs the box ticked: otherwise back to the page with a message, nothing deleted", async () => {
    const email = address("unticked");
    await signAndConfirm(world.published.slug, email);
    const token = yourDataToken(email);
    const before = await tableSizes();
    const response = await post({ token, locale: "ru", action: "delete" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/ru/your-data/${token}?error=confirm#delete`);
    expect(await tableSizes()).toEqual(before);
  });

  it("erases the address everywhere: confirmed signatures keep counting anonymously, the rest and RSVPs go, a freed place is refilled", async () => {
    const email = address("delete");
    const token = yourDataToken(email);
    const open = world.published.slug;
    const other = (await findVisiblePetitionBySlug(db(), world.delivered.slug))!.petition;
    await signAndConfirm(open, email);
    await db().insert(signatures).values({
      petitionId: other.id, ...sealedSigner(normalized(email), "Әлия"), locale: "ru", state: "pending",
      tokenNonce: "n", tokenHash: `h-${n}`, tokenExpiresAt: new Date(Date.now() + 3600_000), clientHash: "abc",
    });
    const pendingId = (await signatureOf(world.delivered.slug, email))!.id;
    await db().insert(emailOutbox).values({ kind: "signature-confirmation", payload: { signatureId: pendingId } });
    // A full rally (one place): this address has it, someone waits.
    const rally = await makeRally(db(), world.campaignA.id, "announced");
    await db().update(rallies).set({ capacity: 1, waitlist: true }).where(eq(rallies.id, rally.id));
    const mine = await makeAttendee(db(), rally.id);
    await db().update(rsvps).set({ emailIndex: emailIndex(normalized(email)), emailSealed: sealedAttendee(normalized(email), "").emailSealed }).where(eq(rsvps.id, mine.id));
    const waiting = await makeAttendee(db(), rally.id);
    await db().update(rsvps).set({ state: "waitlisted", waitlistedAt: new Date() }).where(eq(rsvps.id, waiting.id));
    await stopAllEmail(db(), token);
    await db().insert(subscribers).values({
      campaignId: world.campaignA.id, ...sealedSubscriber(normalized(email)), locale: "ru", state: "confirmed", source: "standalone",
      consentWordingVersion: "v1", tokenNonce: "n", confirmTokenHash: `dc-${n}`, manageTokenHash: `dm-${n}`, tokenExpiresAt: new Date(), confirmedAt: new Date(),
    });
    const counts = { open: await count(open), other: await count(world.delivered.slug) };

    const response = await post({ token, locale: "kk", action: "delete", confirm: "yes" });
    expect(response.headers.get("location")).toBe(`/kk/your-data/${token}?done=deleted`);

    const left = await readYourData(db(), token);
    expect(left).toMatchObject({ signatures: [], rsvps: [], subscriptions: [], emailStopped: null });
    expect(rowsOf(await db().execute(sql`select 1 from signatures where email_index = ${emailIndex(normalized(email))} and petition_id = ${other.id}`))).toHaveLength(0);
    // The confirmed signature still counts, with nothing that says whose it was.
    expect(await count(open)).toBe(counts.open);
    expect(await count(world.delivered.slug)).toBe(counts.other);
    expect(await reconcileConfirmedCounts(db())).toBe(0);
    const anonymous = rowsOf<{ name_sealed: string; email_sealed: string; client_hash: string | null }>(
      await db().execute(sql`select name_sealed, email_sealed, client_hash from signatures where email_index like 'erased:%' and updated_at > now() - interval '1 minute'`),
    );
    expect(anonymous.length).toBeGreaterThanOrEqual(1);
    expect(anonymous.every((r) => openSealed("signatures.name", r.name_sealed) === "" && openSealed("signatures.email", r.email_sealed) === "" && r.client_hash === null)).toBe(true);
    // The RSVP went, and its place went to the next person.
    expect(await db().select().from(rsvps).where(eq(rsvps.id, mine.id))).toHaveLength(0);
    expect((await db().select().from(rsvps).where(eq(rsvps.id, waiting.id)))[0]?.state).toBe("confirmed");
    expect(await db().select().from(emailOutbox).where(sql`${emailOutbox.payload}->>'signatureId' = ${pendingId}`)).toHaveLength(0);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "your_data.delete"));
    expect(audit?.details).toMatchObject({ anonymised: 1, deleted: 1, rsvps: 1, subscriptions: 1 });
    expect(JSON.stringify(audit)).not.toContain(normalized(email));
    // And the address can still sign afresh.
    await sign(open, email);
    expect((await signatureOf(open, email))?.state).toBe("pending");
  });
});
