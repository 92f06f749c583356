import { eq, sql } from "drizzle-orm";
import { open } from "@/db/personal-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { findRallyById } from "@/db/queries/rallies";
import { rallyChanges, rallyNotices, rsvps } from "@/db/schema";
import { auditLog } from "@/db/schema/organizers";
import { setUpTestDatabase } from "@/db/test-database";
import { setUpResendCapture } from "@/lib/email/test-capture";
import { confirmByToken } from "@/lib/confirmations/confirm-by-token";
import { isAppError } from "@/lib/errors";
import { type Jobs, startJobs } from "@/lib/jobs/boss";
import { type Workers, startWorkers } from "@/lib/jobs/workers";
import { makeWorld, tri, type World } from "@/lib/organizers/test-world";
import { parseLocalDateTime, toLocalDateTime, zonedToUtc } from "@/lib/time/zoned";
import { rallyCreateSchema, rallyUpdateSchema, rsvpInputSchema } from "@/lib/validation/rallies";
import { announceRally } from "./announce-rally";
import { cancelRally } from "./cancel-rally";
import { rsvpConfirmable } from "./confirm-rsvp";
import { createRally } from "./create-rally";
import { rallyCalendar } from "./ics";
import { cancelRsvp, confirmStillComing } from "./manage-rsvp";
import { rsvpToRally } from "./rsvp-to-rally";
import { reminderTimes, sweepRallies } from "./sweep-rallies";
import { updateRally } from "./update-rally";

/**
 * Rallies end to end below the browser: real database (PostgreSQL or PGlite), real pg-boss workers, the
 * real resend SDK against the capture server. The reminder clock is driven (sweepRallies takes `now`).
 */
const capture = setUpResendCapture();
const database = setUpTestDatabase({ max: 10 });
let jobs: Jobs;
let workers: Workers | undefined;
const mail = { idleMs: 100, retryBaseMs: 300, maxRps: 20 };
let w: World;

const db = () => database().db;
const ctx = () => ({ db: db(), jobs });
const zone = "Asia/Almaty";
const at = (local: string, tz = zone) => zonedToUtc(parseLocalDateTime(local)!, tz)!;
let seq = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${++seq}`;

function form(over: Record<string, unknown> = {}) {
  return {
    title: tri("Rally for the prisoners"),
    description: tri("Peaceful, with flowers."),
    startsAt: "2027-03-10T18:00",
    endsAt: "2027-03-10T20:00",
    address: tri("Almaty, Panfilov park"),
    latitude: "43.2589",
    longitude: "76.9536",
    mapUrl: "https://www.openstreetmap.org/?mlat=43.2589&mlon=76.9536",
    permitStatus: "filed",
    permitDate: "2027-02-20",
    permitNote: tri("Filed on 20 February"),
    safetyNote: tri("Stay calm"),
    accessibilityNote: tri("Step-free"),
    preparation: tri("Bring water and an ID"),
    capacity: "",
    waitlist: "no",
    showAttendeeCount: "yes",
    ...over,
  };
}

async function newRally(over: Record<string, unknown> = {}, options: { timeZone?: string; announce?: boolean; announceAt?: Date } = {}) {
  const input = rallyCreateSchema.parse({ campaignId: w.campaignA.id, slug: unique("rally"), ...form(over) });
  const rally = await createRally(db(), w.organizer, input, { timeZone: options.timeZone });
  if (options.announce === false) return rally;
  return announceRally(db(), w.organizer, { rallyId: rally.id, version: rally.version }, { now: options.announceAt });
}

const tokenIn = (text: string | null, path: string) => new RegExp(`/${path}/([A-Za-z0-9_-]{43})`).exec(text ?? "")?.[1];

/** Until no rally email is waiting or being sent: then what was captured is all there will be. */
async function settled() {
  for (let i = 0; i < 400; i++) {
    const [row] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from email_outbox where kind = 'rally-email' and state in ('queued', 'batched')`));
    if (row!.n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("rally emails did not settle");
}
const mailTo = (address: string, subject?: RegExp) => capture().emails().filter((e) => e.to.includes(address) && (!subject || subject.test(e.subject)));

/** RSVP and confirm through the emailed link; returns the address and its manage token. */
async function attend(slug: string, locale: "ru" | "kk" | "en" = "en") {
  const email = `${unique("a")}@example.org`;
  await rsvpToRally(ctx(), slug, rsvpInputSchema.parse({ email, name: "Әлия", locale, updates: "on" }));
  const mail = await capture().waitFor((e) => e.to.includes(email), 15_000);
  const token = tokenIn(mail.text, "confirmations/rsvp");
  expect(token, "the confirmation email carries the link").toBeTruthy();
  const outcome = await confirmByToken(db(), rsvpConfirmable, token);
  const manage = tokenIn(mail.text, `${locale}/rsvp`)!;
  return { email, outcome, manage };
}

beforeAll(async () => {
  jobs = await startJobs(database(), { maintenanceIntervalSeconds: 5 });
  workers = await startWorkers(db(), jobs, { pollingIntervalSeconds: 0.5, mail });
  w = await makeWorld(db());
});

afterAll(async () => {
  await workers?.stop();
  await jobs?.stop();
});

describe("a rally's details", () => {
  it("are stored in UTC from the campaign's wall clock, and shown back the same", async () => {
    const rally = await newRally();
    expect(rally.state).toBe("announced");
    expect(rally.startsAt.toISOString()).toBe("2027-03-10T13:00:00.000Z");
    expect(toLocalDateTime(rally.startsAt, rally.timeZone)).toBe("2027-03-10T18:00");
    const ics = rallyCalendar(rally, "en");
    expect(ics).toContain("DTSTART:20270310T130000Z");
    expect(ics).toContain("DTEND:20270310T150000Z");
    expect(ics).toContain("LOCATION:Almaty\\, Panfilov park en");
    expect(ics).toContain(`UID:rally-${rally.id}@qoldau.test`);
    expect(ics).toContain("STATUS:CONFIRMED");
  });

  it("refuse bad input with a code per field, and write nothing", async () => {
    const before = Number(rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from rallies`))[0]!.n);
    const bad: [Record<string, unknown>, string, string][] = [
      [{ endsAt: "2027-03-10T17:00" }, "endsAt", "ends_before_start"],
      [{ endsAt: "2027-03-11T19:00" }, "endsAt", "rally_too_long"],
      [{ startsAt: "2020-01-01T10:00", endsAt: "2020-01-01T12:00" }, "startsAt", "starts_in_past"],
      [{ latitude: "43.2", longitude: "" }, "longitude", "coordinates_pair"],
    ];
    for (const [over, field, code] of bad) {
      const input = rallyCreateSchema.parse({ campaignId: w.campaignA.id, slug: unique("bad"), ...form(over) });
      const error = await createRally(db(), w.organizer, input).catch((e: unknown) => e);
      expect(isAppError(error, "invalid_input") && error.fields[field]).toBe(code);
    }
    const refusedBySchema: [Record<string, unknown>, string, string][] = [
      [{ capacity: "0" }, "capacity", "invalid_capacity"],
      [{ capacity: "100001" }, "capacity", "invalid_capacity"],
      [{ latitude: "91" }, "latitude", "invalid_latitude"],
      [{ longitude: "-180.5" }, "longitude", "invalid_longitude"],
      [{ mapUrl: "http://maps.example.org/" }, "mapUrl", "invalid_https_url"],
      [{ startsAt: "2027-02-30T10:00" }, "startsAt", "invalid_datetime"],
    ];
    for (const [over, field, code] of refusedBySchema) {
      const parsed = rallyCreateSchema.safeParse({ campaignId: w.campaignA.id, slug: unique("bad"), ...form(over) });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.find((i) => i.path[0] === field)?.message).toBe(code);
    }
    expect(Number(rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from rallies`))[0]!.n)).toBe(before);
  });

  it("a draft cannot be announced without every language, and every transition is audited", async () => {
    const draft = await newRally({ title: { ru: "Митинг", kk: "", en: "Rally" } }, { announce: false });
    const error = await announceRally(db(), w.organizer, { rallyId: draft.id, version: draft.version }).catch((e: unknown) => e);
    expect(isAppError(error, "invalid_input") && error.fields["title.kk"]).toBe("translation_missing");
    const rally = await newRally();
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, rally.id))).map((e) => e.action).sort();
    expect(actions).toEqual(["rally.announce", "rally.create"]);
    // Another campaign's organizer cannot even see it.
    const other = await announceRally(db(), w.other, { rallyId: rally.id, version: rally.version }).catch((e: unknown) => e);
    expect(isAppError(other, "not_found")).toBe(true);
  });
});

describe("RSVPs", () => {
  it("double opt-in: one pending row per address, confirmed by the emailed link, once; consent kept with its wording", async () => {
    const rally = await newRally();
    const { email, outcome, manage } = await attend(rally.slug, "kk");
    expect(outcome).toEqual({ outcome: "confirmed", result: { rallySlug: rally.slug, status: "confirmed" } });
    expect(manage).toBeTruthy();
    // The same address again, in another case: the same answer, no second row.
    await rsvpToRally(ctx(), rally.slug, rsvpInputSchema.parse({ email: email.toUpperCase(), locale: "ru" }));
    const rows = await db().select().from(rsvps).where(eq(rsvps.rallyId, rally.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "confirmed", consentUpdates: true, consentWordingVersion: expect.stringMatching(/^rsvp-updates-/) });
    expect(rows[0]!.consentUpdatesAt).toBeInstanceOf(Date);
    expect(rows[0]!.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    await settled();
    const registered = mailTo(email, /^Сіз тіркелдіңіз/);
    expect(registered).toHaveLength(1);
    expect(registered[0]!.text).toContain("Bring water and an ID kk");
    expect(registered[0]!.text).toContain("calendar.ics?locale=kk");
    // Delivered once under the notice's own key, in the batch request recorded with it.
    const [delivery] = rowsOf<{ status: string; batch_id: string }>(
      await db().execute(sql`select status, batch_id from email_deliveries where idempotency_key = ${`rally/${rally.id}/${rows[0]!.id}/registered`}`),
    );
    expect(delivery?.status).toBe("sent");
    expect(registered[0]!.idempotencyKey).toBe(`batch/${delivery!.batch_id}`);
    // The link's second use confirms nothing more.
    const again = await confirmByToken(db(), rsvpConfirmable, tokenIn(mailTo(email)[0]!.text, "confirmations/rsvp"));
    expect(again.outcome).toBe("already_confirmed");
  });

  it("refuses malformed input, a cancelled, full or started rally — and writes nothing", async () => {
    expect(rsvpInputSchema.safeParse({ email: "not-an-address", locale: "en" }).error?.issues[0]?.message).toBe("email_invalid");
    const full = await newRally({ capacity: "1", waitlist: "no" });
    await attend(full.slug);
    const count = async () => Number(rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from rsvps`))[0]!.n);
    const before = await count();
    const refused = async (slug: string, now?: Date) => {
      const e = await rsvpToRally(ctx(), slug, rsvpInputSchema.parse({ email: `${unique("late")}@example.org`, locale: "en" }), { now }).catch((x: unknown) => x);
      return isAppError(e) ? e.code : "ok";
    };
    expect(await refused(full.slug)).toBe("rally_full");
    expect(await refused(full.slug, new Date("2027-03-10T13:30:00Z"))).toBe("rally_closed");
    expect(await refused("no-such-rally")).toBe("rally_not_found");
    const draft = await newRally({}, { announce: false });
    expect(await refused(draft.slug)).toBe("rally_not_found");
    const cancelled = await newRally();
    await cancelRally(db(), w.organizer, { rallyId: cancelled.id, version: cancelled.version, cancelNote: tri("") });
    expect(await refused(cancelled.slug)).toBe("rally_closed");
    expect(await count()).toBe(before);
  });

  it("capacity 1 with a waitlist: the second is waitlisted (position in the email), and moves up when the first cancels", async () => {
    const rally = await newRally({ capacity: "1", waitlist: "yes" });
    const first = await attend(rally.slug);
    const second = await attend(rally.slug, "ru");
    expect(first.outcome.result).toMatchObject({ status: "confirmed" });
    expect(second.outcome.result).toMatchObject({ status: "waitlisted" });
    await settled();
    const waitlisted = mailTo(second.email, /^Вы в листе ожидания/);
    expect(waitlisted).toHaveLength(1);
    expect(waitlisted[0]!.text).toContain("ваш номер — 1");
    expect(waitlisted[0]!.text).not.toContain("Bring water"); // what to bring is for people with a place

    await expect(cancelRsvp(db(), first.manage)).resolves.toEqual({ rallySlug: rally.slug, outcome: "cancelled" });
    await expect(cancelRsvp(db(), first.manage)).resolves.toEqual({ rallySlug: rally.slug, outcome: "already_cancelled" });
    const states = Object.fromEntries((await db().select().from(rsvps).where(eq(rsvps.rallyId, rally.id))).map((r) => [open("rsvps.email", r.emailSealed!), r.state]));
    expect(states).toEqual({ [first.email]: "cancelled", [second.email]: "confirmed" });
    await settled();
    expect(mailTo(second.email, /^Место ваше/)).toHaveLength(1);
    expect(mailTo(first.email, /^Место ваше/)).toHaveLength(0);
  });

  it("a manage link says 'still coming', and a wrong one is not found", async () => {
    const rally = await newRally();
    const a = await attend(rally.slug);
    await expect(confirmStillComing(db(), a.manage)).resolves.toMatchObject({ outcome: "still_coming" });
    const e = await cancelRsvp(db(), "A".repeat(43)).catch((x: unknown) => x);
    expect(isAppError(e, "token_invalid")).toBe(true);
  });
});

describe("change and cancellation notices", () => {
  it("two edits within the window make one change notice per confirmed or waitlisted person; the .ics SEQUENCE rises", async () => {
    const rally = await newRally({ capacity: "1", waitlist: "yes" });
    const a = await attend(rally.slug);
    const b = await attend(rally.slug); // waitlisted
    const c = await attend(rally.slug);
    await cancelRsvp(db(), c.manage); // c cancelled: b moved up? no — a still holds the one place
    const before = rallyCalendar((await findRallyById(db(), rally.id))!, "en");
    let current = (await findRallyById(db(), rally.id))!;
    const edit = async (over: Record<string, unknown>) => {
      current = await updateRally(ctx(), w.organizer, rallyUpdateSchema.parse({ rallyId: rally.id, version: current.version, ...form({ capacity: "1", waitlist: "yes", ...over }) }));
    };
    await edit({ startsAt: "2027-03-10T19:00", endsAt: "2027-03-10T21:00" });
    await edit({ startsAt: "2027-03-10T19:00", endsAt: "2027-03-10T21:00", address: tri("Almaty, Republic Square"), changeMessage: tri("The akimat agreed a later hour") });
    expect(current.state).toBe("changed");
    const changes = await db().select().from(rallyChanges).where(eq(rallyChanges.rallyId, rally.id));
    expect(changes).toHaveLength(1);
    expect(changes[0]!.fields.sort()).toEqual(["place", "time"]);

    // Within the window nothing is sent; after it, one notice each, however often the sweep runs.
    expect(await sweepRallies(db(), new Date(), { windowSeconds: 60 })).toMatchObject({ changes: 0 });
    const later = new Date(Date.now() + 61_000);
    expect(await sweepRallies(db(), later, { windowSeconds: 60 })).toEqual({ changes: 1, notices: 2 });
    expect(await sweepRallies(db(), later, { windowSeconds: 60 })).toEqual({ changes: 0, notices: 0 });
    await settled();
    for (const person of [a, b]) {
      const changed = mailTo(person.email, /^Changed:/);
      expect(changed).toHaveLength(1);
      expect(changed[0]!.text).toMatch(/was Wednesday, March 10, 2027, 18:00\s*–\s*20:00[\s\S]*now Wednesday, March 10, 2027, 19:00\s*–\s*21:00/);
      expect(changed[0]!.text).toContain("Republic Square");
      expect(changed[0]!.text).toContain("The akimat agreed a later hour en");
    }
    expect(mailTo(c.email, /^Changed:/)).toHaveLength(0);
    const seqOf = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)![1]);
    const after = rallyCalendar(current, "en");
    expect(seqOf(after)).toBeGreaterThan(seqOf(before));
    expect(after).toContain("DTSTART:20270310T140000Z");
    expect(after.match(/^UID:.*$/m)![0]).toBe(before.match(/^UID:.*$/m)![0]);
  });

  it("an edit of the text only tells nobody", async () => {
    const rally = await newRally();
    await attend(rally.slug);
    const updated = await updateRally(ctx(), w.organizer, rallyUpdateSchema.parse({ rallyId: rally.id, version: rally.version, ...form({ description: tri("More flowers") }) }));
    expect(updated.state).toBe("announced");
    expect(await db().select().from(rallyChanges).where(eq(rallyChanges.rallyId, rally.id))).toHaveLength(0);
  });

  it("a cancellation tells each attendee once, with the organizers' note; the .ics says CANCELLED", async () => {
    const rally = await newRally();
    const a = await attend(rally.slug);
    const b = await attend(rally.slug, "ru");
    const cancelled = await cancelRally(db(), w.organizer, { rallyId: rally.id, version: (await findRallyById(db(), rally.id))!.version, cancelNote: tri("The akimat refused") });
    expect(cancelled.state).toBe("cancelled");
    const again = await cancelRally(db(), w.organizer, { rallyId: rally.id, version: cancelled.version, cancelNote: tri("") }).catch((e: unknown) => e);
    expect(isAppError(again, "illegal_transition")).toBe(true);
    await settled();
    expect(mailTo(a.email, /^Cancelled:/)).toHaveLength(1);
    expect(mailTo(a.email, /^Cancelled:/)[0]!.text).toContain("The akimat refused en");
    expect(mailTo(b.email, /^Отменён:/)).toHaveLength(1);
    const ics = rallyCalendar(cancelled, "en");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(Number(/SEQUENCE:(\d+)/.exec(ics)![1])).toBe(rally.sequence + 1);
  });
});

describe("reminders", () => {
  const notices = async (rallyId: string) => (await db().select().from(rallyNotices).where(eq(rallyNotices.rallyId, rallyId))).filter((n) => n.kind === "day_before" || n.kind === "day_of");

  it("fire once at 11:00 the day before and 08:00 the day itself, local time, also across a restart", async () => {
    const rally = await newRally({ startsAt: "2027-04-15T18:00", endsAt: "2027-04-15T20:00" });
    const a = await attend(rally.slug);
    const b = await attend(rally.slug, "ru");
    await sweepRallies(db(), at("2027-04-14T10:59"));
    expect(await notices(rally.id)).toHaveLength(0);
    await sweepRallies(db(), at("2027-04-14T11:00"));
    expect((await notices(rally.id)).map((n) => n.kind)).toEqual(["day_before", "day_before"]);
    await sweepRallies(db(), at("2027-04-14T11:01"));

    // A restart: the workers stop and start again; the next sweep sends nothing twice.
    await workers?.stop();
    await jobs.stop();
    jobs = await startJobs(database(), { maintenanceIntervalSeconds: 5 });
    workers = await startWorkers(db(), jobs, { pollingIntervalSeconds: 0.5, mail });
    await sweepRallies(db(), at("2027-04-14T15:00"));
    await sweepRallies(db(), at("2027-04-15T07:59"));
    expect(await notices(rally.id)).toHaveLength(2);
    await sweepRallies(db(), at("2027-04-15T08:00"));
    await sweepRallies(db(), at("2027-04-15T09:30"));
    expect((await notices(rally.id)).filter((n) => n.kind === "day_of")).toHaveLength(2);
    await settled();
    expect(mailTo(a.email, /^Tomorrow:/)).toHaveLength(1);
    expect(mailTo(a.email, /^Tomorrow:/)[0]!.text).toContain(`/en/rsvp/${a.manage}`);
    expect(mailTo(a.email, /^Today:/)).toHaveLength(1);
    expect(mailTo(b.email, /^Завтра:/)).toHaveLength(1);
    expect(mailTo(b.email, /^Сегодня:/)).toHaveLength(1);
  });

  it("skip the day-of reminder for a rally before 08:00, and both for a rally announced after they were due", async () => {
    const early = await newRally({ startsAt: "2027-04-20T07:00", endsAt: "2027-04-20T09:00" });
    await attend(early.slug);
    expect(reminderTimes(early).day_of).toBeNull();
    await sweepRallies(db(), at("2027-04-20T06:59"));
    expect((await notices(early.id)).map((n) => n.kind)).toEqual(["day_before"]);

    const late = await newRally({ startsAt: "2027-04-25T18:00", endsAt: "2027-04-25T19:00" }, { announceAt: at("2027-04-25T09:00") });
    expect(reminderTimes(late)).toEqual({ day_before: null, day_of: null });
  });

  it("are computed in the rally's own zone, across a daylight-saving change (Europe/Berlin)", async () => {
    // Summer time starts in Berlin on Sunday 28 March 2027: the day before is UTC+1, the day itself UTC+2.
    const rally = await newRally({ startsAt: "2027-03-28T15:00", endsAt: "2027-03-28T17:00" }, { timeZone: "Europe/Berlin" });
    expect(rally.startsAt.toISOString()).toBe("2027-03-28T13:00:00.000Z");
    expect(reminderTimes(rally)).toEqual({ day_before: new Date("2027-03-27T10:00:00Z"), day_of: new Date("2027-03-28T06:00:00Z") });
    await attend(rally.slug);
    await sweepRallies(db(), new Date("2027-03-27T09:59:00Z"));
    expect(await notices(rally.id)).toHaveLength(0);
    await sweepRallies(db(), new Date("2027-03-27T10:00:00Z"));
    expect(await notices(rally.id)).toHaveLength(1);
  });
});
