import { randomBytes } from "node:crypto";
import { open as openSealed, sealedSigner, sealedSubscriber } from "@/db/personal-data";
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { findPetitionById } from "@/db/queries/petition-admin";
import { reconcileConfirmedCounts } from "@/db/queries/signatures";
import { auditLog, petitionCountShards, rallies, rateLimitCounters, rsvps, signatures, subscribers } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { type Jobs, startJobs } from "@/lib/jobs/boss";
import { queues } from "@/lib/jobs/queues";
import { type Workers, startWorkers } from "@/lib/jobs/workers";
import { makePetition, makeWorld } from "@/lib/organizers/test-world";
import { makeAttendee, makeRally } from "@/lib/rallies/test-rallies";
import { summarizeSecurityEvents } from "@/lib/audit/security-events";
import { applyRetention, monthsBefore } from "./apply-retention";

// Issue 13 item 7: retention. The clock is driven by the rows' own timestamps (made in the past), never by waiting.

const database = setUpTestDatabase({ max: 10 });
let world: Awaited<ReturnType<typeof makeWorld>>;
const db = () => database().db;
const DAY = 24 * 3600_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

beforeAll(async () => {
  Object.assign(process.env, { AUTH_SECRET: "test-secret-test-secret-test-secret-0123" });
  world = await makeWorld(db());
});

type Row = { state: "pending" | "confirmed" | "fraudulent"; created: number; expires?: number; clientHash?: string | null };
/** A signature made `created` days ago whose link expires `expires` days from now (negative: expired). */
async function addSignature(petitionId: string, r: Row) {
  const tag = randomBytes(6).toString("hex");
  const [row] = await db()
    .insert(signatures)
    .values({
      petitionId,
      ...sealedSigner(`r.${tag}@example.org`, `Name ${tag}`),
      locale: "ru",
      state: r.state,
      showNamePublicly: true,
      consentUpdates: true,
      tokenNonce: tag,
      tokenHash: tag,
      tokenExpiresAt: new Date(Date.now() + (r.expires ?? 14 - r.created) * DAY),
      clientHash: r.clientHash === undefined ? `hash${tag}` : r.clientHash,
      createdAt: ago(r.created),
      confirmedAt: r.state === "confirmed" ? ago(r.created) : null,
    })
    .returning();
  if (r.state === "confirmed") {
    // Shown by name (showNamePublicly), so counted among the public names too, as a confirmation does.
    await db().insert(petitionCountShards).values({ petitionId, shard: 0, confirmed: 1, named: 1 })
      .onConflictDoUpdate({
        target: [petitionCountShards.petitionId, petitionCountShards.shard],
        set: { confirmed: sql`${petitionCountShards.confirmed} + 1`, named: sql`${petitionCountShards.named} + 1` },
      });
  }
  return row!;
}
const byIds = (ids: string[]) => db().select().from(signatures).where(inArray(signatures.id, ids));
const countOf = async (petitionId: string) =>
  Number(rowsOf<{ n: number }>(await db().execute(sql`select coalesce(sum(confirmed), 0)::int as n from petition_count_shards where petition_id = ${petitionId}`))[0]!.n);

describe("retention", () => {
  it("deletes unconfirmed signatures, RSVPs and subscriptions 14 days on (once their link expired), and nothing else", async () => {
    const p = world.published.id;
    const gone = [
      await addSignature(p, { state: "pending", created: 15 }),
      await addSignature(p, { state: "fraudulent", created: 20 }),
    ];
    const kept = [
      await addSignature(p, { state: "pending", created: 13 }),
      await addSignature(p, { state: "pending", created: 15, expires: 2 }), // its link was sent again 12 days ago
      await addSignature(p, { state: "confirmed", created: 400 }),
    ];
    const rally = await makeRally(db(), world.campaignA.id, "announced");
    const oldPending = await makeAttendee(db(), rally.id);
    await db().update(rsvps).set({ state: "pending", confirmedAt: null, createdAt: ago(15), tokenExpiresAt: ago(1) }).where(eq(rsvps.id, oldPending.id));
    const newPending = await makeAttendee(db(), rally.id);
    await db().update(rsvps).set({ state: "pending", confirmedAt: null, createdAt: ago(3) }).where(eq(rsvps.id, newPending.id));
    const oldConfirmed = await makeAttendee(db(), rally.id);
    await db().update(rsvps).set({ createdAt: ago(90) }).where(eq(rsvps.id, oldConfirmed.id));
    const subscription = (state: "pending" | "confirmed", created: number, expires: number) => ({
      campaignId: world.campaignA.id, ...sealedSubscriber(`sub.${randomBytes(4).toString("hex")}@example.org`), locale: "ru" as const,
      state, source: "standalone" as const, consentWordingVersion: "v1", tokenNonce: randomBytes(8).toString("hex"),
      confirmTokenHash: randomBytes(8).toString("hex"), manageTokenHash: randomBytes(8).toString("hex"),
      tokenExpiresAt: new Date(Date.now() + expires * DAY), createdAt: ago(created), confirmedAt: state === "confirmed" ? ago(created) : null,
    });
    const subs = (
      await db()
        .insert(subscribers)
        .values([subscription("pending", 15, -1), subscription("pending", 5, 9), subscription("confirmed", 60, -46)])
        .returning({ id: subscribers.id })
    ).map((r) => r.id);
    const count = await countOf(p);

    const result = await applyRetention(db());
    expect(result.unconfirmed).toEqual({ signatures: 2, rsvps: 1, subscriptions: 1 });
    expect(await byIds(gone.map((s) => s.id))).toHaveLength(0);
    expect((await byIds(kept.map((s) => s.id))).map((s) => s.state).sort()).toEqual(["confirmed", "pending", "pending"]);
    const left = await db().select({ id: rsvps.id }).from(rsvps).where(eq(rsvps.rallyId, rally.id));
    expect(left.map((r) => r.id).sort()).toEqual([newPending.id, oldConfirmed.id].sort());
    expect(await countOf(p)).toBe(count);
    // Run again: nothing more to do.
    expect((await applyRetention(db())).unconfirmed).toEqual({ signatures: 0, rsvps: 0, subscriptions: 0 });
    expect((await db().select().from(subscribers).where(inArray(subscribers.id, subs))).map((s) => s.state).sort()).toEqual(["confirmed", "pending"]);
  });

  it("forgets address-hashes after 30 days: on signatures, in the rate-limit counters and the flags of a client", async () => {
    const p = world.closed.id;
    const old = await addSignature(p, { state: "confirmed", created: 31 });
    const recent = await addSignature(p, { state: "confirmed", created: 29 });
    const key = `retention-${randomBytes(4).toString("hex")}`;
    await db().insert(rateLimitCounters).values([
      { bucket: "sign:hour", key, windowStart: ago(31), hits: 3 },
      { bucket: "sign:hour", key, windowStart: ago(29), hits: 2 },
      { bucket: "sign-in:client", key, windowStart: new Date(), hits: 1 },
    ]);
    const flag = (createdAt: Date, kind: "client" | "domain") =>
      db().execute(sql`insert into abuse_flags (petition_id, kind, subject, window_start, signatures, created_at)
        values (${p}, ${kind}, ${`${kind}-${randomBytes(4).toString("hex")}`}, ${createdAt.toISOString()}::timestamptz, 100, ${createdAt.toISOString()}::timestamptz)`);
    await flag(ago(31), "client");
    await flag(ago(29), "client");
    await flag(ago(31), "domain");
    const result = await applyRetention(db());
    expect(result.addressHashes.signatures).toBeGreaterThanOrEqual(1);
    expect(result.addressHashes.flags).toBe(1);
    const kinds = rowsOf<{ kind: string }>(await db().execute(sql`select kind from abuse_flags where petition_id = ${p} order by kind`));
    expect(kinds.map((k) => k.kind)).toEqual(["client", "domain"]);
    const [o, r] = [(await byIds([old.id]))[0]!, (await byIds([recent.id]))[0]!];
    expect(o.clientHash).toBeNull();
    expect(o.state).toBe("confirmed");
    expect(o.nameSealed).toBe(old.nameSealed); // only the hash goes
    expect(r.clientHash).toBe(recent.clientHash);
    const counters = await db().select().from(rateLimitCounters).where(eq(rateLimitCounters.key, key));
    expect(counters.map((c) => c.hits).sort()).toEqual([1, 2]);
  });

  it("strips the address-hash from security events after 30 days; the events and the dashboard's sums stay", async () => {
    // A clock of its own, far from the other tests' rows: "now" is a year ahead, the events 31 and 29 days before it.
    const now = new Date(Date.now() + 365 * DAY);
    const daysBefore = (days: number) => new Date(now.getTime() - days * DAY);
    const hash = `hash-${randomBytes(6).toString("hex")}`;
    const events = await db()
      .insert(auditLog)
      .values([
        { action: "security.limit_trip", entityType: "client", entityId: hash, at: daysBefore(31), details: { action: "sign", target: world.published.id, window: "minute" } },
        { action: "security.block_hit", entityType: "client", entityId: hash, at: daysBefore(31), details: { action: "rsvp", target: world.published.id } },
        { action: "security.pow_forged", entityType: "client", entityId: hash, at: daysBefore(29), details: { action: "sign", target: world.published.id } },
        { action: "security.pow_forged", entityType: "client", entityId: hash, at: daysBefore(6), details: { action: "sign", target: world.published.id } },
      ])
      .returning({ id: auditLog.id });
    const summaryBefore = await summarizeSecurityEvents(db(), daysBefore(25));
    const result = await applyRetention(db(), { now });
    expect(result.addressHashes.securityEvents).toBeGreaterThanOrEqual(2);
    const rows = await db().select().from(auditLog).where(inArray(auditLog.id, events.map((e) => e.id))).orderBy(auditLog.at);
    // Every event is still there, with what it was about; only the two older than 30 days lost the client.
    expect(rows.map((r) => [r.action, r.entityType, r.entityId, r.details.target])).toEqual([
      ["security.limit_trip", "client", null, world.published.id],
      ["security.block_hit", "client", null, world.published.id],
      ["security.pow_forged", "client", hash, world.published.id],
      ["security.pow_forged", "client", hash, world.published.id],
    ]);
    expect(await summarizeSecurityEvents(db(), daysBefore(25))).toEqual(summaryBefore);
    expect(summaryBefore.limit_trip.week).toBeGreaterThanOrEqual(1);
    // Run again (hourly, late or twice): nothing more to strip for these.
    await applyRetention(db(), { now });
    const again = await db().select().from(auditLog).where(inArray(auditLog.id, events.map((e) => e.id))).orderBy(auditLog.at);
    expect(again.map((r) => r.entityId)).toEqual([null, null, hash, hash]);
  });

  it("strips the short address-hash from the abuse flags' audit entries after 30 days; a domain stays", async () => {
    const now = new Date(Date.now() + 365 * DAY);
    const daysBefore = (days: number) => new Date(now.getTime() - days * DAY);
    const flagId = "00000000-0000-4000-8000-00000000f1a9";
    const entries = await db()
      .insert(auditLog)
      .values([
        { action: "abuse.flag", entityType: "abuse_flag", entityId: flagId, at: daysBefore(31), details: { kind: "client", subject: "#0123456789ab", signatures: 140 } },
        { action: "abuse.block", entityType: "abuse_flag", entityId: flagId, at: daysBefore(31), details: { type: "client", rule: "#0123456789ab" } },
        { action: "abuse.flag", entityType: "abuse_flag", entityId: flagId, at: daysBefore(31), details: { kind: "domain", subject: "mail.example", signatures: 120 } },
        { action: "abuse.flag_dismiss", entityType: "abuse_flag", entityId: flagId, at: daysBefore(29), details: { kind: "client", subject: "#0123456789ab" } },
      ])
      .returning({ id: auditLog.id });
    await applyRetention(db(), { now });
    const rows = await db().select().from(auditLog).where(inArray(auditLog.id, entries.map((e) => e.id))).orderBy(auditLog.at, auditLog.action);
    const shown = (d: Record<string, unknown>) => d.subject ?? d.rule;
    expect(rows.map((r) => [r.action, shown(r.details)])).toEqual(
      expect.arrayContaining([
        ["abuse.flag", "#…"],
        ["abuse.block", "#…"],
        ["abuse.flag", "mail.example"],
        ["abuse.flag_dismiss", "#0123456789ab"],
      ]),
    );
    expect(rows.find((r) => r.details.kind === "client" && r.action === "abuse.flag")?.details.signatures).toBe(140);
  });

  it("anonymises the signers of a petition archived 12 months ago (configurable), counts kept; younger archives untouched", async () => {
    const oldArchive = await makePetition(db(), world.campaignA.id, world.tag, "archived");
    const youngArchive = await makePetition(db(), world.campaignA.id, world.tag, "archived");
    const open = await makePetition(db(), world.campaignA.id, world.tag, "published");
    await db().execute(sql`update petitions set archived_at = ${monthsBefore(new Date(), 13).toISOString()}::timestamptz where id = ${oldArchive.id}`);
    await db().execute(sql`update petitions set archived_at = ${monthsBefore(new Date(), 11).toISOString()}::timestamptz where id = ${youngArchive.id}`);
    const a = [await addSignature(oldArchive.id, { state: "confirmed", created: 500 }), await addSignature(oldArchive.id, { state: "confirmed", created: 450 })];
    const aPending = await addSignature(oldArchive.id, { state: "pending", created: 2 });
    const y = await addSignature(youngArchive.id, { state: "confirmed", created: 400 });
    const o = await addSignature(open.id, { state: "confirmed", created: 800 });

    const result = await applyRetention(db());
    expect(result.archived).toMatchObject({ anonymised: 2, deleted: 1 });
    for (const s of await byIds(a.map((s) => s.id))) {
      expect(s).toMatchObject({ state: "confirmed", emailIndex: `erased:${s.id}`, emailDomain: null, clientHash: null, consentUpdates: false, showNamePublicly: false });
      expect([openSealed("signatures.name", s.nameSealed!), openSealed("signatures.email", s.emailSealed!)]).toEqual(["", ""]);
    }
    expect(await byIds([aPending.id])).toHaveLength(0);
    expect(await countOf(oldArchive.id)).toBe(2);
    expect(await reconcileConfirmedCounts(db())).toBe(0);
    expect((await byIds([y.id]))[0]).toMatchObject({ nameSealed: y.nameSealed, emailIndex: y.emailIndex });
    expect((await byIds([o.id]))[0]).toMatchObject({ nameSealed: o.nameSealed, emailIndex: o.emailIndex });
    expect((await applyRetention(db())).archived).toMatchObject({ anonymised: 0, deleted: 0 });

    // Configured shorter (ARCHIVE_ANONYMISE_MONTHS=6): the younger archive's turn has come too.
    expect((await applyRetention(db(), { archiveMonths: 6 })).archived).toMatchObject({ anonymised: 1 });
    expect((await byIds([y.id]))[0]).toMatchObject({ emailIndex: `erased:${y.id}` });
    expect(openSealed("signatures.name", (await byIds([y.id]))[0]!.nameSealed!)).toBe("");
    expect((await findPetitionById(db(), youngArchive.id))?.state).toBe("archived");
  });

  it("anonymises the attendees of a rally held 12 months ago; the figures of who came stay", async () => {
    const old = await makeRally(db(), world.campaignA.id, "held", { startsAt: monthsBefore(new Date(), 13) });
    await db().update(rallies).set({ heldAt: monthsBefore(new Date(), 13) }).where(eq(rallies.id, old.id));
    const recent = await makeRally(db(), world.campaignA.id, "held", { startsAt: ago(20) });
    await db().update(rallies).set({ heldAt: ago(20) }).where(eq(rallies.id, recent.id));
    const [a1, a2, r1] = [await makeAttendee(db(), old.id), await makeAttendee(db(), old.id), await makeAttendee(db(), recent.id)];
    await db().update(rsvps).set({ checkedInAt: new Date() }).where(eq(rsvps.id, a1.id));
    const result = await applyRetention(db());
    expect(result.archived.rsvps).toBe(2);
    const rows = await db().select().from(rsvps).where(inArray(rsvps.id, [a1.id, a2.id, r1.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of [a1.id, a2.id]) {
      expect(byId.get(id)).toMatchObject({ emailIndex: `erased:${id}`, state: "confirmed" });
      expect([openSealed("rsvps.name", byId.get(id)!.nameSealed!), openSealed("rsvps.email", byId.get(id)!.emailSealed!)]).toEqual(["", ""]);
    }
    expect(byId.get(a1.id)?.checkedInAt).not.toBeNull();
    expect(byId.get(r1.id)).toMatchObject({ nameSealed: r1.nameSealed, emailIndex: r1.emailIndex });
    expect(openSealed("rsvps.email", byId.get(r1.id)!.emailSealed!)).toBe(r1.email);
  });

  it("runs as a scheduled pg-boss job", async () => {
    const jobs: Jobs = await startJobs(database(), { maintenanceIntervalSeconds: 5 });
    let workers: Workers | undefined;
    try {
      workers = await startWorkers(db(), jobs, { pollingIntervalSeconds: 0.5, mail: { idleMs: 200 } });
      const schedules = await jobs.boss.getSchedules();
      expect(schedules.find((s) => s.name === queues.retention.name)?.cron).toBe("23 * * * *");
      const s = await addSignature(world.published.id, { state: "pending", created: 30 });
      await jobs.boss.send(queues.retention.name, {});
      await expect.poll(async () => (await byIds([s.id])).length, { timeout: 15_000, interval: 200 }).toBe(0);
    } finally {
      await workers?.stop();
      await jobs.stop();
    }
  });
});
