import { randomBytes } from "node:crypto";
import { emailIndex } from "@/db/personal-data";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { abuseRules, auditLog, rsvps } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { summarizeSecurityEvents } from "@/lib/audit/security-events";
import { makeWorld, type World } from "@/lib/organizers/test-world";
import { rsvpToRally } from "@/lib/rallies/rsvp-to-rally";
import { makeRally } from "@/lib/rallies/test-rallies";
import { rsvpInputSchema } from "@/lib/validation/rallies";
import { clientKey } from "./rate-limit";
import { forgetAbuseRules } from "./rules";

// Issue 13 items 2 and 12: RSVPs get the signers' per-client limits (a burst a minute, a sustained figure an
// hour, per rally). Over them, or blocked, an RSVP is kept as `fraudulent`: the same answer, no email, not
// counted. A trip and a block hit are security events, written once, with the address-hash only.

const burst = 3;
const hourly = 5;
const database = setUpTestDatabase({ max: 10 });
const db = () => database().db;
let w: World;

beforeAll(async () => {
  Object.assign(process.env, { SIGN_LIMIT_BURST: String(burst), SIGN_LIMIT_HOURLY: String(hourly), AUTH_SECRET: "test-secret-test-secret-test-secret-0123" });
  w = await makeWorld(db());
});

/** RSVPs never use the job queue (their email is a row of the outbox): a queue that refuses keeps that true. */
const jobs = { enqueue: async () => Promise.reject(new Error("RSVPs enqueue no jobs")) };
const tag = () => randomBytes(4).toString("hex");
const email = (t: string) => `rsvp.${t}@example.org`;
const rsvp = (slug: string, address: string | null, t: string, now: Date) =>
  rsvpToRally({ db: db(), jobs }, slug, rsvpInputSchema.parse({ email: email(t), name: "Әлия", locale: "ru" }), { now, client: { address } });

async function outcomes(tags: string[]) {
  const rows = rowsOf<{ email: string; state: string; queued: boolean }>(
    await db().execute(sql`
      select r.email_index as email, r.state,
             exists (select 1 from email_outbox o where o.kind = 'rally-email' and o.payload->>'rsvpId' = r.id::text) as queued
      from rsvps r where r.email_index in (${sql.join(tags.map((t) => sql`${emailIndex(email(t))}`), sql`, `)})`),
  );
  return tags.map((t) => rows.find((r) => r.email === emailIndex(email(t))));
}

const minute = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);
/** The top of an hour a little ahead of the real clock (the rally starts in 30 days), plus `m` minutes. */
const hourAhead = (h: number) => new Date(Math.floor(Date.now() / 3_600_000 + h) * 3_600_000);

describe("RSVP limits per client per rally", () => {
  it("takes exactly the burst a minute and the hourly figure an hour; the rest are fraudulent, unmailed, same answer", async () => {
    const rally = await makeRally(db(), w.campaignA.id, "announced");
    const t0 = hourAhead(1);
    const address = "203.0.113.7";
    const tags = Array.from({ length: 8 }, tag);
    // Minute 0: burst + 1 attempts → the last one is over the burst.
    for (const t of tags.slice(0, burst + 1)) await expect(rsvp(rally.slug, address, t, minute(t0, 0))).resolves.toEqual({ outcome: "check_email" });
    // Minute 1: two more (hour total 6 attempts): the 5th attempt is within the hourly figure, the 6th is not.
    for (const t of tags.slice(burst + 1, burst + 3)) await rsvp(rally.slug, address, t, minute(t0, 1));
    const seen = await outcomes(tags.slice(0, burst + 3));
    expect(seen.map((s) => s?.state)).toEqual(["pending", "pending", "pending", "fraudulent", "pending", "fraudulent"]);
    expect(seen.map((s) => s?.queued)).toEqual([true, true, true, false, true, false]);
    // The next hour the client starts afresh; another client and another rally never waited.
    await rsvp(rally.slug, address, tags[6]!, hourAhead(2));
    await rsvp(rally.slug, "203.0.113.8", tags[7]!, minute(t0, 1));
    expect((await outcomes([tags[6]!, tags[7]!])).map((s) => s?.state)).toEqual(["pending", "pending"]);
    // A fraudulent RSVP asked for again, even from a fresh client: nothing is sent, the answer is the same.
    await expect(rsvp(rally.slug, "198.51.100.99", tags[3]!, hourAhead(3))).resolves.toEqual({ outcome: "check_email" });
    expect((await outcomes([tags[3]!]))[0]).toMatchObject({ state: "fraudulent", queued: false });
    // One trip per window is a security event, named by the address-hash only.
    const trips = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "security.limit_trip"), eq(auditLog.entityId, clientKey(address))));
    expect(trips.map((t) => t.details)).toEqual([
      { action: "rsvp", target: rally.id, window: "minute" },
      { action: "rsvp", target: rally.id, window: "hour" },
    ]);
    expect(JSON.stringify(trips)).not.toContain(address);
  });

  it("keeps a blocked client's RSVP as fraudulent; an allowed range skips the limits; a block hit is logged once an hour", async () => {
    const rally = await makeRally(db(), w.campaignA.id, "announced");
    await db().insert(abuseRules).values([
      { kind: "block", type: "cidr", pattern: "192.0.2.0/24", display: "192.0.2.0/24" },
      { kind: "allow", type: "cidr", pattern: "100.64.0.0/10", display: "100.64.0.0/10" },
    ]);
    forgetAbuseRules();
    const t0 = hourAhead(1);
    const blocked = [tag(), tag()];
    for (const t of blocked) await rsvp(rally.slug, "192.0.2.10", t, t0);
    expect((await outcomes(blocked)).map((s) => [s?.state, s?.queued])).toEqual([["fraudulent", false], ["fraudulent", false]]);
    const allowed = Array.from({ length: burst + 2 }, tag);
    for (const t of allowed) await rsvp(rally.slug, "100.64.1.1", t, t0);
    expect((await outcomes(allowed)).every((s) => s?.state === "pending" && s.queued)).toBe(true);
    const hits = await db().select().from(auditLog).where(and(eq(auditLog.action, "security.block_hit"), eq(auditLog.entityId, clientKey("192.0.2.10"))));
    expect(hits).toHaveLength(1);
    // Organizers never see the shadow-banned among their attendees.
    const listed = await db().select({ state: rsvps.state }).from(rsvps).where(and(eq(rsvps.rallyId, rally.id), inArray(rsvps.state, ["fraudulent"])));
    expect(listed).toHaveLength(2);
    const { listAttendees } = await import("@/db/queries/rsvps");
    expect((await listAttendees(db(), rally.id)).some((a) => a.state === "fraudulent")).toBe(false);
  });

  it("sums the security events of the last 24 hours and 7 days for the dashboard", async () => {
    const now = new Date();
    const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    await db().execute(sql`delete from audit_log where action like 'security.%' or action in ('second_factor.fail', 'signatures.export')`);
    await db().insert(auditLog).values([
      { action: "security.refused", entityType: "user", at: ago(1) },
      { action: "security.limit_trip", entityType: "client", at: ago(2) },
      { action: "security.limit_trip", entityType: "client", at: ago(30) },
      { action: "security.block_hit", entityType: "client", at: ago(24 * 8) },
      { action: "second_factor.fail", entityType: "user", at: ago(3) },
      { action: "signatures.export", entityType: "petition", at: ago(48) },
    ]);
    const summary = await summarizeSecurityEvents(db(), now);
    expect(summary).toEqual({
      refused: { day: 1, week: 1 },
      limit_trip: { day: 1, week: 2 },
      block_hit: { day: 0, week: 0 },
      pow_forged: { day: 0, week: 0 },
      second_factor_fail: { day: 1, week: 1 },
      export: { day: 0, week: 1 },
    });
  });
});
