import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, rallies, rallyChanges, rsvps } from "@/db/schema";
import type { RallyState } from "@/lib/rallies/state";
import { campaignIsPublicSql, visibleRallyStates } from "@/db/lifecycles";

/** Rallies: no personal data here (attendees are in db/queries/rsvps.ts). */

export type Rally = typeof rallies.$inferSelect;
export type NewRally = Omit<typeof rallies.$inferInsert, "id" | "campaignId" | "state" | "version" | "createdAt" | "updatedAt">;
export type RallyChange = typeof rallyChanges.$inferSelect;

/** A new draft; null when the slug is taken. */
export async function insertRally(db: Db, campaignId: string, values: NewRally): Promise<Rally | null> {
  const [row] = await db.insert(rallies).values({ ...values, campaignId }).onConflictDoNothing({ target: rallies.slug }).returning();
  return row ?? null;
}

export async function findRallyById(db: Db, id: string): Promise<Rally | null> {
  const [row] = await db.select().from(rallies).where(eq(rallies.id, id));
  return row ?? null;
}

/** The rally, locked for the rest of the transaction: capacity decisions about it are taken one at a time. */
export async function lockRally(db: Db, id: string): Promise<Rally | null> {
  const [row] = await db.select().from(rallies).where(eq(rallies.id, id)).for("update");
  return row ?? null;
}

/**
 * The guarded write of every edit and transition: only if the rally is still in `from` and at the version
 * the organizer saw. Null when someone else got there first.
 */
export async function updateRallyGuarded(
  db: Db,
  id: string,
  guard: { from: readonly RallyState[]; version?: number },
  set: Partial<Omit<typeof rallies.$inferInsert, "id" | "campaignId" | "version">>,
): Promise<Rally | null> {
  const [row] = await db
    .update(rallies)
    .set({ ...set, version: sql`${rallies.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(rallies.id, id), inArray(rallies.state, [...guard.from]), guard.version === undefined ? undefined : eq(rallies.version, guard.version)))
    .returning();
  return row ?? null;
}

/** A visible rally of a published campaign, by its public address. */
export async function findVisibleRallyBySlug(db: Db, slug: string) {
  const [row] = await db
    .select({ rally: rallies, campaignSlug: campaigns.slug, campaignName: campaigns.name })
    .from(rallies)
    .innerJoin(campaigns, eq(campaigns.id, rallies.campaignId))
    .where(and(eq(rallies.slug, slug), inArray(rallies.state, [...visibleRallyStates]), campaignIsPublicSql(campaigns.state)));
  return row ?? null;
}

/** Visible rallies of published campaigns (or of one), soonest first. */
export async function listVisibleRallies(db: Db, campaignId?: string): Promise<Rally[]> {
  const rows = await db
    .select({ rally: rallies })
    .from(rallies)
    .innerJoin(campaigns, eq(campaigns.id, rallies.campaignId))
    .where(and(inArray(rallies.state, [...visibleRallyStates]), campaignIsPublicSql(campaigns.state), campaignId ? eq(rallies.campaignId, campaignId) : undefined))
    .orderBy(asc(rallies.startsAt));
  return rows.map((r) => r.rally);
}

export async function findPublishedCampaignBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(campaigns).where(and(eq(campaigns.slug, slug), campaignIsPublicSql(campaigns.state)));
  return row ?? null;
}

/** Every rally of a campaign, for its organizers: newest start first. */
export async function listCampaignRallies(db: Db, campaignId: string): Promise<Rally[]> {
  return db.select().from(rallies).where(eq(rallies.campaignId, campaignId)).orderBy(desc(rallies.startsAt));
}

/** How many people hold a place (walk-ins do not take one). */
export async function countPlacesTaken(db: Db, rallyId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(rsvps)
    .where(and(eq(rsvps.rallyId, rallyId), eq(rsvps.state, "confirmed"), eq(rsvps.walkIn, false)));
  return Number(row?.n ?? 0);
}

/** The public figure, when the organizers show it. */
export async function countConfirmed(db: Db, rallyId: string): Promise<number> {
  return countPlacesTaken(db, rallyId);
}

/** Attendee counts by state, and how many were checked in. No names. */
export async function attendeeCounts(db: Db, rallyId: string) {
  const rows = await db
    .select({ state: rsvps.state, n: sql<number>`count(*)::int`, attended: sql<number>`count(${rsvps.checkedInAt})::int` })
    .from(rsvps)
    .where(and(eq(rsvps.rallyId, rallyId), ne(rsvps.state, "fraudulent")))
    .groupBy(rsvps.state);
  const counts = { pending: 0, confirmed: 0, waitlisted: 0, cancelled: 0, attended: 0 };
  for (const r of rows) {
    if (r.state === "fraudulent") continue;
    counts[r.state] = Number(r.n);
    counts.attended += Number(r.attended);
  }
  return counts;
}

/** The change still being gathered (within the coalescing window), locked. */
export async function lockOpenChange(db: Db, rallyId: string): Promise<RallyChange | null> {
  const [row] = await db.select().from(rallyChanges).where(and(eq(rallyChanges.rallyId, rallyId), isNull(rallyChanges.notifiedAt))).for("update");
  return row ?? null;
}

export async function insertChange(db: Db, values: Pick<RallyChange, "rallyId" | "fields" | "before" | "message">) {
  await db.insert(rallyChanges).values(values);
}

export async function updateOpenChange(db: Db, id: string, set: Pick<RallyChange, "fields" | "message">) {
  await db.update(rallyChanges).set({ ...set, updatedAt: sql`now()` }).where(and(eq(rallyChanges.id, id), isNull(rallyChanges.notifiedAt)));
}

/** Open changes whose window has closed (last edit at or before `quietSince`), locked and skipped if another sweep has them. */
export async function lockDueChanges(db: Db, quietSince: Date): Promise<RallyChange[]> {
  return db
    .select()
    .from(rallyChanges)
    .where(and(isNull(rallyChanges.notifiedAt), sql`${rallyChanges.updatedAt} <= ${quietSince.toISOString()}::timestamptz`))
    .orderBy(asc(rallyChanges.createdAt))
    .limit(100)
    .for("update", { skipLocked: true });
}

export async function closeChange(db: Db, id: string, set: { notifiedAt: Date; sequence: number | null }) {
  await db.update(rallyChanges).set({ ...set, updatedAt: sql`now()` }).where(eq(rallyChanges.id, id));
}

/** The latest change of time or place (being gathered, or told), for the page's banner; not one a cancellation dropped. */
export async function latestChange(db: Db, rallyId: string): Promise<RallyChange | null> {
  const [row] = await db
    .select()
    .from(rallyChanges)
    .where(and(eq(rallyChanges.rallyId, rallyId), sql`(${rallyChanges.notifiedAt} is null or ${rallyChanges.sequence} is not null)`))
    .orderBy(desc(rallyChanges.updatedAt))
    .limit(1);
  return row ?? null;
}

export async function findChangeById(db: Db, id: string): Promise<RallyChange | null> {
  const [row] = await db.select().from(rallyChanges).where(eq(rallyChanges.id, id));
  return row ?? null;
}

/** Live rallies whose reminders may be due: starting between now and two days from now. */
export async function listRalliesStartingSoon(db: Db, now: Date): Promise<Rally[]> {
  return db
    .select()
    .from(rallies)
    .where(
      and(
        inArray(rallies.state, ["announced", "changed"]),
        sql`${rallies.startsAt} > ${now.toISOString()}::timestamptz`,
        sql`${rallies.startsAt} <= ${now.toISOString()}::timestamptz + interval '2 days'`,
      ),
    );
}
