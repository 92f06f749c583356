import { type SQL, and, asc, eq, gt, inArray, lt, ne, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { rallies, rallyNotices, rsvps } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { RallyNoticeKind, RsvpState } from "@/lib/rallies/state";
import { emailIndex, open, openOr, openOrNull, seal, sealedAttendee } from "@/db/personal-data";

/**
 * The only module that reads or writes attendees' personal data (email, name), like db/queries/signatures.ts
 * for signers: sealed at rest (db/personal-data.ts), matched by the address's blind index. Callers pass and get plaintext.
 */

export type NewRsvp = {
  rallyId: string;
  emailNormalized: string;
  name: string;
  locale: Locale;
  consentUpdates: boolean;
  consentWordingVersion: string;
  tokenNonce: string;
  confirmTokenHash: string;
  manageTokenHash: string;
  tokenExpiresAt: Date;
  /** Over the client's limits or blocked: kept as `fraudulent`, with no email (lib/abuse/screen-client.ts). */
  fraudulent?: boolean;
};

/** A pending RSVP; null when the address already has one for this rally (the unique index decides). */
export async function insertPendingRsvp(db: Db, { fraudulent, emailNormalized, name, ...r }: NewRsvp): Promise<{ id: string } | null> {
  const [row] = await db
    .insert(rsvps)
    .values({
      ...r,
      ...sealedAttendee(emailNormalized, name),
      state: fraudulent ? "fraudulent" : "pending",
      consentUpdatesAt: r.consentUpdates ? sql`now()` : null,
      consentWordingVersion: r.consentUpdates ? r.consentWordingVersion : null,
      confirmationEmailsSent: fraudulent ? 0 : 1,
    })
    .onConflictDoNothing({ target: [rsvps.rallyId, rsvps.emailIndex] })
    .returning({ id: rsvps.id });
  return row ?? null;
}

export async function lockRsvpByEmail(db: Db, rallyId: string, emailNormalized: string) {
  const [row] = await db
    .select({ id: rsvps.id, state: rsvps.state })
    .from(rsvps)
    .where(and(eq(rsvps.rallyId, rallyId), eq(rsvps.emailIndex, emailIndex(emailNormalized))))
    .for("update");
  return row ?? null;
}

/** One more confirmation email, if the limit allows; the link gets a new expiry. */
export async function recordAnotherRsvpEmail(db: Db, id: string, limit: number, tokenExpiresAt: Date): Promise<boolean> {
  const rows = await db
    .update(rsvps)
    .set({ confirmationEmailsSent: sql`${rsvps.confirmationEmailsSent} + 1`, tokenExpiresAt, updatedAt: sql`now()` })
    .where(and(eq(rsvps.id, id), lt(rsvps.confirmationEmailsSent, limit)))
    .returning({ id: rsvps.id });
  return rows.length > 0;
}

/** A cancelled RSVP asked for again: pending, with a fresh link expiry, consent as now given. */
export async function reopenCancelledRsvp(db: Db, id: string, r: Pick<NewRsvp, "name" | "locale" | "consentUpdates" | "consentWordingVersion" | "tokenExpiresAt">, limit: number) {
  const rows = await db
    .update(rsvps)
    .set({
      state: "pending",
      nameSealed: seal("rsvps.name", r.name),
      locale: r.locale,
      consentUpdates: r.consentUpdates,
      consentUpdatesAt: r.consentUpdates ? sql`now()` : null,
      consentWordingVersion: r.consentUpdates ? r.consentWordingVersion : null,
      tokenExpiresAt: r.tokenExpiresAt,
      confirmationEmailsSent: sql`${rsvps.confirmationEmailsSent} + 1`,
      cancelledAt: null,
      confirmedAt: null,
      waitlistedAt: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(rsvps.id, id), eq(rsvps.state, "cancelled"), lt(rsvps.confirmationEmailsSent, limit)))
    .returning({ id: rsvps.id });
  return rows.length > 0;
}

/** What a link's token points at, without personal data. */
export async function findRsvpByTokenHash(db: Db, which: "confirm" | "manage", tokenHash: string) {
  const [row] = await db
    .select({
      id: rsvps.id,
      rallyId: rsvps.rallyId,
      state: rsvps.state,
      locale: rsvps.locale,
      tokenExpiresAt: rsvps.tokenExpiresAt,
      stillComingAt: rsvps.stillComingAt,
    })
    .from(rsvps)
    .where(eq(which === "confirm" ? rsvps.confirmTokenHash : rsvps.manageTokenHash, tokenHash));
  return row ?? null;
}

/** The RSVP a confirm link points at, if pending and not expired, locked. */
export async function lockPendingRsvpByConfirmHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: rsvps.id,
      rallyId: rsvps.rallyId,
      // The "send me campaign updates" consent, which this confirmation also confirms (lib/subscribers).
      email: rsvps.emailSealed,
      locale: rsvps.locale,
      consentUpdates: rsvps.consentUpdates,
      consentUpdatesAt: rsvps.consentUpdatesAt,
      consentWordingVersion: rsvps.consentWordingVersion,
    })
    .from(rsvps)
    .where(and(eq(rsvps.confirmTokenHash, tokenHash), eq(rsvps.state, "pending"), gt(rsvps.tokenExpiresAt, sql`now()`)))
    .for("update");
  // An address that does not open (tampered) confirms all the same; only the subscription is skipped.
  return row ? { ...row, email: openOrNull("rsvps.email", row.email) } : null;
}

/** A guarded state change of one RSVP: only from `from`. False if it was not there any more. */
export async function setRsvpState(db: Db, id: string, from: readonly RsvpState[], to: RsvpState): Promise<boolean> {
  const stamp = to === "confirmed" ? { confirmedAt: sql`now()` } : to === "waitlisted" ? { waitlistedAt: sql`now()` } : to === "cancelled" ? { cancelledAt: sql`now()` } : {};
  const rows = await db
    .update(rsvps)
    .set({ state: to, ...stamp, updatedAt: sql`now()` })
    .where(and(eq(rsvps.id, id), inArray(rsvps.state, [...from])))
    .returning({ id: rsvps.id });
  return rows.length > 0;
}

export async function markStillComing(db: Db, id: string): Promise<boolean> {
  const rows = await db.update(rsvps).set({ stillComingAt: sql`now()`, updatedAt: sql`now()` }).where(and(eq(rsvps.id, id), eq(rsvps.state, "confirmed"))).returning({ id: rsvps.id });
  return rows.length > 0;
}

/** The first person on the waitlist, locked (skipping one another transaction is already moving up). */
export async function lockFirstWaitlisted(db: Db, rallyId: string) {
  const [row] = await db
    .select({ id: rsvps.id })
    .from(rsvps)
    .where(and(eq(rsvps.rallyId, rallyId), eq(rsvps.state, "waitlisted")))
    .orderBy(asc(rsvps.waitlistedAt), asc(rsvps.id))
    .limit(1)
    .for("update", { skipLocked: true });
  return row ?? null;
}

/** Where this person stands on the waitlist: 1 is next. */
export async function waitlistPosition(db: Db, rsvpId: string): Promise<number | null> {
  const rows = rowsOf<{ position: number }>(
    await db.execute(sql`
      select (select count(*) from ${rsvps} o
              where o.rally_id = r.rally_id and o.state = 'waitlisted'
                and (o.waitlisted_at, o.id) <= (r.waitlisted_at, r.id))::int as position
      from ${rsvps} r where r.id = ${rsvpId} and r.state = 'waitlisted'`),
  );
  return rows[0]?.position ?? null;
}

/** Everything an email job needs to write to one attendee. */
export async function findRsvpForEmail(db: Db, id: string) {
  const [row] = await db
    .select({
      id: rsvps.id,
      email: rsvps.emailSealed,
      name: rsvps.nameSealed,
      locale: rsvps.locale,
      state: rsvps.state,
      tokenNonce: rsvps.tokenNonce,
      confirmedAt: rsvps.confirmedAt,
      rally: rallies,
    })
    .from(rsvps)
    .innerJoin(rallies, eq(rallies.id, rsvps.rallyId))
    .where(eq(rsvps.id, id));
  return row ? { ...row, email: row.email === null ? null : open("rsvps.email", row.email), name: row.name === null ? "" : open("rsvps.name", row.name) } : null;
}

/** The organizers' list: names and addresses, in the order people came (never the shadow-banned). */
export async function listAttendees(db: Db, rallyId: string) {
  const rows = await db
    .select({
      id: rsvps.id,
      name: rsvps.nameSealed,
      email: rsvps.emailSealed,
      state: rsvps.state,
      walkIn: rsvps.walkIn,
      createdAt: rsvps.createdAt,
      confirmedAt: rsvps.confirmedAt,
      waitlistedAt: rsvps.waitlistedAt,
      checkedInAt: rsvps.checkedInAt,
      stillComingAt: rsvps.stillComingAt,
    })
    .from(rsvps)
    .where(and(eq(rsvps.rallyId, rallyId), ne(rsvps.state, "fraudulent")))
    .orderBy(asc(rsvps.createdAt), asc(rsvps.id));
  return rows.map((r) => ({ ...r, name: openOr("rsvps.name", r.name), email: openOrNull("rsvps.email", r.email) }));
}

/** Marks one attendee of this rally as there. False if not a confirmed attendee of it, or already checked in. */
export async function checkIn(db: Db, rallyId: string, rsvpId: string): Promise<boolean> {
  const rows = await db
    .update(rsvps)
    .set({ checkedInAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(rsvps.id, rsvpId), eq(rsvps.rallyId, rallyId), eq(rsvps.state, "confirmed"), sql`${rsvps.checkedInAt} is null`))
    .returning({ id: rsvps.id });
  return rows.length > 0;
}

/** Someone who came without an RSVP: a name, no address, there. */
export async function insertWalkIn(db: Db, rallyId: string, name: string, locale: Locale, tokens: { nonce: string; confirm: string; manage: string }) {
  const [row] = await db
    .insert(rsvps)
    .values({
      rallyId,
      ...sealedAttendee(null, name),
      locale,
      state: "confirmed",
      walkIn: true,
      tokenNonce: tokens.nonce,
      confirmTokenHash: tokens.confirm,
      manageTokenHash: tokens.manage,
      tokenExpiresAt: sql`now()`,
      confirmedAt: sql`now()`,
      checkedInAt: sql`now()`,
    })
    .returning({ id: rsvps.id });
  return row!;
}

/**
 * Records a notice for every attendee of a rally in `states` (and `where`, and only those in `rsvpIds` if
 * given) who has not had it, and enqueues one email job per new row — in one statement, so each person
 * gets each notice once whatever runs twice. The email is a row of the mail outbox (lib/email/outbox.ts).
 */
export async function insertNoticesWithJobs(
  db: Db,
  n: { rallyId: string; kind: RallyNoticeKind; key?: string; states: readonly RsvpState[]; rsvpIds?: string[]; where?: SQL; priority: number },
): Promise<string[]> {
  const key = n.key ?? "";
  const rows = await db.execute(sql`
    with inserted as (
      insert into ${rallyNotices} (rsvp_id, kind, key, rally_id)
      select r.id, ${n.kind}, ${key}, r.rally_id from ${rsvps} r
      where r.rally_id = ${n.rallyId} and r.walk_in = false
        and r.state in (${sql.join(n.states.map((s) => sql`${s}`), sql`, `)})
        ${n.rsvpIds ? sql`and r.id in (${sql.join(n.rsvpIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
        ${n.where ? sql`and ${n.where}` : sql``}
      on conflict do nothing
      returning rsvp_id
    ), email as (
      insert into email_outbox (kind, payload, priority)
      select 'rally-email', jsonb_build_object('kind', ${n.kind}::text, 'rsvpId', inserted.rsvp_id, 'key', ${key}::text),
        ${n.priority}::smallint
      from inserted
    )
    select rsvp_id from inserted`);
  return rowsOf<{ rsvp_id: string }>(rows).map((r) => r.rsvp_id);
}

/** A rally attendee made anonymous keeps this instead of an address's index: unique per row, matches nobody. */
const ERASED_PREFIX = "erased:";

/** Everything we hold about one address's RSVPs ("your data"): the page, the JSON download. */
export async function findRsvpsByEmail(db: Db, emailNormalized: string) {
  const rows = await db
    .select({
      id: rsvps.id,
      rallyId: rsvps.rallyId,
      rallySlug: rallies.slug,
      rallyTitle: rallies.title,
      rallyStartsAt: rallies.startsAt,
      email: rsvps.emailSealed,
      name: rsvps.nameSealed,
      locale: rsvps.locale,
      state: rsvps.state,
      consentUpdates: rsvps.consentUpdates,
      consentUpdatesAt: rsvps.consentUpdatesAt,
      consentWordingVersion: rsvps.consentWordingVersion,
      confirmationEmailsSent: rsvps.confirmationEmailsSent,
      createdAt: rsvps.createdAt,
      confirmedAt: rsvps.confirmedAt,
      waitlistedAt: rsvps.waitlistedAt,
      stillComingAt: rsvps.stillComingAt,
      cancelledAt: rsvps.cancelledAt,
      checkedInAt: rsvps.checkedInAt,
    })
    .from(rsvps)
    .innerJoin(rallies, eq(rallies.id, rsvps.rallyId))
    .where(eq(rsvps.emailIndex, emailIndex(emailNormalized)))
    .orderBy(asc(rsvps.createdAt));
  return rows.map((r) => ({ ...r, email: openOr("rsvps.email", r.email, emailNormalized), name: openOr("rsvps.name", r.name) }));
}

/** Deletes one RSVP of this address (its notices go with it); false when it is not this address's. */
export async function deleteRsvpOfEmail(db: Db, id: string, emailNormalized: string): Promise<boolean> {
  const rows = await db
    .delete(rsvps)
    .where(and(eq(rsvps.id, id), eq(rsvps.emailIndex, emailIndex(emailNormalized))))
    .returning({ id: rsvps.id });
  return rows.length > 0;
}

/** Retention: RSVPs never confirmed, made before `cutoff` and whose link has expired, are deleted. */
export async function deleteUnconfirmedRsvpsBefore(db: Db, cutoff: Date, now: Date): Promise<number> {
  const rows = await db
    .delete(rsvps)
    .where(and(eq(rsvps.state, "pending"), lt(rsvps.createdAt, cutoff), lt(rsvps.tokenExpiresAt, now)))
    .returning({ id: rsvps.id });
  return rows.length;
}

/**
 * Retention: attendees of rallies held or cancelled before `cutoff` (the campaign's archive for rallies) become
 * anonymous — no address, no name — so the rally's figures (how many came) stay.
 */
export async function anonymiseRsvpsOfRalliesEndedBefore(db: Db, cutoff: Date): Promise<number> {
  const rows = await db
    .update(rsvps)
    .set({
      // Walk-ins too get the marker (they had no address): it says the row is anonymous already.
      emailIndex: sql`${ERASED_PREFIX} || ${rsvps.id}::text`,
      emailSealed: sql`case when ${rsvps.walkIn} then null else ${seal("rsvps.email", "")} end`,
      nameSealed: seal("rsvps.name", ""),
      consentUpdates: false,
      consentUpdatesAt: null,
      consentWordingVersion: null,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        sql`${rsvps.rallyId} in (select ${rallies.id} from ${rallies}
          where coalesce(${rallies.heldAt}, ${rallies.cancelledAt}) < ${cutoff.toISOString()}::timestamptz)`,
        sql`(${rsvps.emailIndex} is null or ${rsvps.emailIndex} not like ${`${ERASED_PREFIX}%`})`,
      ),
    )
    .returning({ id: rsvps.id });
  return rows.length;
}
