import { and, asc, eq, gt, inArray, lt, notExists, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, emailSuppressions, subscribers, type subscriberStates, type subscriberSources, type suppressionReasons } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { emailIndex, open, openOr, sealedSubscriber } from "@/db/personal-data";

/**
 * The only module that reads or writes subscribers' personal data (their address), and the address-level
 * suppression list: the address sealed at rest (db/personal-data.ts), matched and deduped by its blind index (the
 * suppression list holds only the index). Callers pass and get plaintext.
 */

export type SubscriberState = (typeof subscriberStates)[number];
export type SubscriberSource = (typeof subscriberSources)[number];
export type SuppressionReason = (typeof suppressionReasons)[number];

/** A subscriber as the fan-out writes to them: the address, their language, the nonce their links derive from. */
export type DeliverableSubscriber = { id: string; email: string; locale: Locale; tokenNonce: string };

const notSuppressed = notExists(
  sql`(select 1 from ${emailSuppressions} where ${emailSuppressions.emailIndex} = ${subscribers.emailIndex})`,
);

/** Confirmed and the address not suppressed: whom a send may mail now. */
const deliverable = (campaignId: string, afterId: string | null) =>
  and(eq(subscribers.campaignId, campaignId), eq(subscribers.state, "confirmed"), afterId === null ? undefined : gt(subscribers.id, afterId), notSuppressed);

/**
 * One keyset page of a campaign's confirmed, not suppressed subscribers, ordered by id: pass the last id of a
 * page as `afterId` for the next (null for the first). An empty page is the end.
 */
export async function listDeliverableSubscribers(db: Db, campaignId: string, afterId: string | null, limit: number): Promise<DeliverableSubscriber[]> {
  const rows = await db
    .select({ id: subscribers.id, email: subscribers.emailSealed, locale: subscribers.locale, tokenNonce: subscribers.tokenNonce })
    .from(subscribers)
    .where(deliverable(campaignId, afterId))
    .orderBy(asc(subscribers.id))
    .limit(limit);
  // A page's addresses opened here (microseconds each); one that does not open (tampered) is left out of the send.
  return rows.flatMap((r) => {
    const email = openOr("subscribers.email", r.email);
    return email ? [{ ...r, email }] : [];
  });
}

/**
 * The same keyset page as a subquery of the fan-out's one statement (db/queries/updates.ts `enqueueFanoutPage`):
 * only the subscribers' ids and languages, never their addresses (the sender reads those, `findDeliverableSubscribers`).
 */
export function deliverableSubscriberPage(db: Db, campaignId: string, afterId: string | null, limit: number) {
  return db.select({ id: subscribers.id, locale: subscribers.locale }).from(subscribers).where(deliverable(campaignId, afterId)).orderBy(asc(subscribers.id)).limit(limit);
}

/** How many a send would reach now (confirmed, not suppressed). */
export async function countDeliverableSubscribers(db: Db, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(subscribers)
    .where(and(eq(subscribers.campaignId, campaignId), eq(subscribers.state, "confirmed"), notSuppressed));
  return row?.n ?? 0;
}

/**
 * The subscribers of a batch of update emails, only those still deliverable (confirmed, not suppressed), in one
 * query: what a send checks right before it writes, so someone who unsubscribed after the update was queued gets
 * nothing. The one place the sender reads subscribers' addresses.
 */
export async function findDeliverableSubscribers(db: Db, ids: string[]): Promise<Map<string, DeliverableSubscriber & { campaignId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: subscribers.id,
      campaignId: subscribers.campaignId,
      email: subscribers.emailSealed,
      locale: subscribers.locale,
      tokenNonce: subscribers.tokenNonce,
    })
    .from(subscribers)
    .where(and(inArray(subscribers.id, [...new Set(ids)]), eq(subscribers.state, "confirmed"), notSuppressed));
  // Addresses opened here; one that does not open (tampered) is left out: that email is skipped, never misdirected.
  return new Map(
    rows.flatMap((r) => {
      const email = openOr("subscribers.email", r.email);
      return email ? [[r.id, { ...r, email }] as const] : [];
    }),
  );
}

/** Everything the confirmation email needs (it goes to pending subscribers only). */
export async function findSubscriberForEmail(db: Db, id: string) {
  const [row] = await db
    .select({
      id: subscribers.id,
      email: subscribers.emailSealed,
      locale: subscribers.locale,
      state: subscribers.state,
      tokenNonce: subscribers.tokenNonce,
      campaignSlug: campaigns.slug,
      campaignName: campaigns.name,
      suppressed: sql<boolean>`not ${notSuppressed}`,
    })
    .from(subscribers)
    .innerJoin(campaigns, eq(campaigns.id, subscribers.campaignId))
    .where(eq(subscribers.id, id));
  return row ? { ...row, email: open("subscribers.email", row.email!) } : null;
}

export type NewSubscriber = {
  campaignId: string;
  emailNormalized: string;
  locale: Locale;
  source: SubscriberSource;
  consentWordingVersion: string;
  tokenNonce: string;
  confirmTokenHash: string;
  manageTokenHash: string;
  tokenExpiresAt: Date;
};

export async function isAddressSuppressed(db: Db, emailNormalized: string): Promise<boolean> {
  const [row] = await db.select({ one: sql`1` }).from(emailSuppressions).where(eq(emailSuppressions.emailIndex, emailIndex(emailNormalized)));
  return row !== undefined;
}

/** Which of these addresses are suppressed (the mail sender skips bulk mail to them). */
export async function suppressedAmong(db: Db, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const byIndex = new Map([...new Set(emails.map((e) => e.toLowerCase()))].map((e) => [emailIndex(e), e]));
  const rows = await db
    .select({ index: emailSuppressions.emailIndex })
    .from(emailSuppressions)
    .where(inArray(emailSuppressions.emailIndex, [...byIndex.keys()]));
  return new Set(rows.map((r) => byIndex.get(r.index!)!));
}

/** A pending subscriber with its first confirmation email counted; null when the address already has a row here. */
export async function insertPendingSubscriber(db: Db, { emailNormalized, ...s }: NewSubscriber): Promise<{ id: string } | null> {
  const [row] = await db
    .insert(subscribers)
    .values({ ...s, ...sealedSubscriber(emailNormalized), state: "pending", consentAt: sql`now()`, confirmationEmailsSent: 1 })
    .onConflictDoNothing({ target: [subscribers.campaignId, subscribers.emailIndex] })
    .returning({ id: subscribers.id });
  return row ?? null;
}

/** The existing row of an address for a campaign, locked for the rest of the transaction. */
export async function lockSubscriberByEmail(db: Db, campaignId: string, emailNormalized: string) {
  const [row] = await db
    .select({ id: subscribers.id, state: subscribers.state })
    .from(subscribers)
    .where(and(eq(subscribers.campaignId, campaignId), eq(subscribers.emailIndex, emailIndex(emailNormalized))))
    .for("update");
  return row ?? null;
}

/**
 * One more confirmation email for a pending (or an unsubscribed, asking again: back to pending with this consent)
 * subscriber, if the limit allows; the link gets a new expiry. False when nothing changed.
 */
export async function recordAnotherSubscriberEmail(
  db: Db,
  id: string,
  limit: number,
  s: Pick<NewSubscriber, "locale" | "source" | "consentWordingVersion" | "tokenExpiresAt">,
): Promise<boolean> {
  const rows = await db
    .update(subscribers)
    .set({
      state: "pending",
      locale: s.locale,
      source: s.source,
      consentWordingVersion: s.consentWordingVersion,
      consentAt: sql`now()`,
      tokenExpiresAt: s.tokenExpiresAt,
      confirmationEmailsSent: sql`${subscribers.confirmationEmailsSent} + 1`,
      unsubscribedAt: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(subscribers.id, id), inArray(subscribers.state, ["pending", "unsubscribed"]), lt(subscribers.confirmationEmailsSent, limit)))
    .returning({ id: subscribers.id });
  return rows.length > 0;
}

/**
 * A subscription confirmed by a confirmation the person already made (a signature or an RSVP whose form had
 * "send me updates" ticked): created confirmed, or a pending/unsubscribed row confirmed with this consent. A
 * confirmed row keeps its consent; a suppressed address stays suppressed. Returns the row's id.
 */
export async function upsertConfirmedSubscriber(db: Db, input: NewSubscriber & { consentAt: Date }): Promise<{ id: string; state: SubscriberState }> {
  const { emailNormalized, ...s } = input;
  const sealed = sealedSubscriber(emailNormalized);
  const suppressed = sql`exists (select 1 from ${emailSuppressions} where ${emailSuppressions.emailIndex} = ${sealed.emailIndex})`;
  const [row] = await db
    .insert(subscribers)
    .values({
      ...s,
      ...sealed,
      state: sql`case when ${suppressed} then 'suppressed' else 'confirmed' end`,
      confirmedAt: sql`now()`,
    })
    .onConflictDoUpdate({
      target: [subscribers.campaignId, subscribers.emailIndex],
      set: {
        state: sql`case when ${suppressed} then 'suppressed' else 'confirmed' end`,
        locale: sql`excluded.locale`,
        source: sql`excluded.source`,
        consentAt: sql`excluded.consent_at`,
        consentWordingVersion: sql`excluded.consent_wording_version`,
        confirmedAt: sql`now()`,
        unsubscribedAt: null,
        updatedAt: sql`now()`,
      },
      setWhere: inArray(subscribers.state, ["pending", "unsubscribed"]),
    })
    .returning({ id: subscribers.id, state: subscribers.state });
  if (row) return row;
  // Already confirmed (or suppressed): left as it is.
  const existing = await lockSubscriberByEmail(db, s.campaignId, emailNormalized);
  if (!existing) throw new Error("subscriber vanished during upsert");
  return existing;
}

/** What a link's token points at (confirmation or preferences), without the address. */
export async function findSubscriberByTokenHash(db: Db, which: "confirm" | "manage", tokenHash: string) {
  const [row] = await db
    .select({
      id: subscribers.id,
      campaignId: subscribers.campaignId,
      state: subscribers.state,
      locale: subscribers.locale,
      tokenExpiresAt: subscribers.tokenExpiresAt,
      campaignSlug: campaigns.slug,
      campaignName: campaigns.name,
    })
    .from(subscribers)
    .innerJoin(campaigns, eq(campaigns.id, subscribers.campaignId))
    .where(eq(which === "confirm" ? subscribers.confirmTokenHash : subscribers.manageTokenHash, tokenHash));
  return row ?? null;
}

/** pending → confirmed through the confirmation link, guarded (not expired, not suppressed meanwhile). */
export async function confirmPendingSubscriber(db: Db, confirmTokenHash: string): Promise<{ id: string; campaignId: string } | null> {
  const [row] = await db
    .update(subscribers)
    .set({ state: "confirmed", confirmedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(subscribers.confirmTokenHash, confirmTokenHash),
        eq(subscribers.state, "pending"),
        gt(subscribers.tokenExpiresAt, sql`now()`),
        notSuppressed,
      ),
    )
    .returning({ id: subscribers.id, campaignId: subscribers.campaignId });
  return row ?? null;
}

export async function setSubscriberLocale(db: Db, id: string, locale: Locale): Promise<boolean> {
  const rows = await db
    .update(subscribers)
    .set({ locale, updatedAt: sql`now()` })
    .where(eq(subscribers.id, id))
    .returning({ id: subscribers.id });
  return rows.length > 0;
}

/** Unsubscribes one subscription (pending or confirmed). Returns how many rows changed (0 when already out). */
export async function unsubscribeSubscriber(db: Db, id: string): Promise<number> {
  const rows = await db
    .update(subscribers)
    .set({ state: "unsubscribed", unsubscribedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(subscribers.id, id), inArray(subscribers.state, ["pending", "confirmed"])))
    .returning({ id: subscribers.id });
  return rows.length;
}

/** Unsubscribes the address of this subscriber from every campaign. Returns how many rows changed. */
export async function unsubscribeAddressEverywhere(db: Db, id: string): Promise<number> {
  const rows = await db
    .update(subscribers)
    .set({ state: "unsubscribed", unsubscribedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        sql`${subscribers.emailIndex} = (select s.email_index from ${subscribers} s where s.id = ${id})`,
        inArray(subscribers.state, ["pending", "confirmed"]),
      ),
    )
    .returning({ id: subscribers.id });
  return rows.length;
}

/**
 * The provider reported the address hard-bounced or complained: no campaign mails it again. Idempotent.
 * Returns whether the address was newly suppressed and how many subscriptions it ended.
 */
export async function suppressAddress(db: Db, emailNormalized: string, reason: SuppressionReason): Promise<{ added: boolean; subscriptions: number }> {
  const index = emailIndex(emailNormalized);
  const added = await db
    .insert(emailSuppressions)
    .values({ emailIndex: index, reason })
    .onConflictDoNothing({ target: emailSuppressions.emailIndex })
    .returning({ index: emailSuppressions.emailIndex });
  const rows = await db
    .update(subscribers)
    .set({ state: "suppressed", updatedAt: sql`now()` })
    .where(and(eq(subscribers.emailIndex, index), inArray(subscribers.state, ["pending", "confirmed"])))
    .returning({ id: subscribers.id });
  return { added: added.length > 0, subscriptions: rows.length };
}

/** Everything we hold about one address's subscriptions ("your data"): the page, the JSON download. */
export async function findSubscriptionsByEmail(db: Db, emailNormalized: string) {
  const rows = await db
    .select({
      id: subscribers.id,
      campaignSlug: campaigns.slug,
      campaignName: campaigns.name,
      email: subscribers.emailSealed,
      locale: subscribers.locale,
      state: subscribers.state,
      source: subscribers.source,
      consentAt: subscribers.consentAt,
      consentWordingVersion: subscribers.consentWordingVersion,
      confirmationEmailsSent: subscribers.confirmationEmailsSent,
      createdAt: subscribers.createdAt,
      confirmedAt: subscribers.confirmedAt,
      unsubscribedAt: subscribers.unsubscribedAt,
    })
    .from(subscribers)
    .innerJoin(campaigns, eq(campaigns.id, subscribers.campaignId))
    .where(eq(subscribers.emailIndex, emailIndex(emailNormalized)))
    .orderBy(asc(subscribers.createdAt));
  return rows.map((r) => ({ ...r, email: openOr("subscribers.email", r.email, emailNormalized) }));
}

/** "Delete everything": every subscription of the address. Returns their ids (their unsent email goes too). */
export async function deleteSubscriptionsOfEmail(db: Db, emailNormalized: string): Promise<string[]> {
  const rows = await db.delete(subscribers).where(eq(subscribers.emailIndex, emailIndex(emailNormalized))).returning({ id: subscribers.id });
  return rows.map((r) => r.id);
}

/** Retention: subscriptions never confirmed, made before `cutoff` and whose link has expired, are deleted. */
export async function deleteUnconfirmedSubscribersBefore(db: Db, cutoff: Date, now: Date): Promise<number> {
  const rows = await db
    .delete(subscribers)
    .where(and(eq(subscribers.state, "pending"), lt(subscribers.createdAt, cutoff), lt(subscribers.tokenExpiresAt, now)))
    .returning({ id: subscribers.id });
  return rows.length;
}
