import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { updateIsCountedSql, updateIsPublicSql } from "@/db/lifecycles";
import { campaignUpdates, campaigns, updateDeliveries, updateTexts } from "@/db/schema";
import { campaignIsPublicSql } from "@/db/lifecycles";
import { deliverableSubscriberPage } from "@/db/queries/subscribers";
import type { Locale } from "@/lib/i18n/locales";

export type CampaignUpdate = typeof campaignUpdates.$inferSelect;
type UpdateState = CampaignUpdate["state"];
export type UpdateText = { title: string; body: string };
export type UpdateTexts = Partial<Record<Locale, UpdateText>>;
export type UpdateWithTexts = CampaignUpdate & { texts: UpdateTexts };

/** The outbox kind of update emails (lib/email/kinds.ts). */
export const UPDATE_EMAIL_KIND = "campaign-update";

async function textsOf(db: Db, ids: string[]): Promise<Map<string, UpdateTexts>> {
  const out = new Map<string, UpdateTexts>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return out;
  const rows = await db.select().from(updateTexts).where(inArray(updateTexts.updateId, ids));
  for (const r of rows) out.get(r.updateId)![r.locale as Locale] = { title: r.title, body: r.body };
  return out;
}

export async function insertUpdate(db: Db, values: { campaignId: string; createdBy: string | null; defaultLocale: Locale }): Promise<CampaignUpdate> {
  const [row] = await db.insert(campaignUpdates).values(values).returning();
  return row!;
}

/** Replaces the update's texts: a locale left empty has no row (it falls back to the campaign default). */
export async function replaceUpdateTexts(db: Db, updateId: string, texts: UpdateTexts): Promise<void> {
  await db.delete(updateTexts).where(eq(updateTexts.updateId, updateId));
  const rows = Object.entries(texts).flatMap(([locale, t]) => (t && (t.title.trim() || t.body.trim()) ? [{ updateId, locale, title: t.title, body: t.body }] : []));
  if (rows.length) await db.insert(updateTexts).values(rows);
}

export async function findUpdateById(db: Db, id: string, options: { lock?: boolean } = {}): Promise<UpdateWithTexts | null> {
  const q = db.select().from(campaignUpdates).where(eq(campaignUpdates.id, id));
  const [row] = options.lock ? await q.for("update") : await q;
  if (!row) return null;
  return { ...row, texts: (await textsOf(db, [row.id])).get(row.id)! };
}

/** The guarded write of every edit and transition: only from `from`, at the version the organizer saw. */
export async function updateUpdateGuarded(
  db: Db,
  id: string,
  guard: { from: readonly UpdateState[]; version?: number },
  set: Partial<Omit<typeof campaignUpdates.$inferInsert, "id" | "campaignId" | "version">>,
): Promise<CampaignUpdate | null> {
  const [row] = await db
    .update(campaignUpdates)
    .set({ ...set, version: sql`${campaignUpdates.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(campaignUpdates.id, id), inArray(campaignUpdates.state, [...guard.from]), guard.version === undefined ? undefined : eq(campaignUpdates.version, guard.version)))
    .returning();
  return row ?? null;
}

export async function listCampaignUpdates(db: Db, campaignId: string): Promise<UpdateWithTexts[]> {
  const rows = await db.select().from(campaignUpdates).where(eq(campaignUpdates.campaignId, campaignId)).orderBy(desc(campaignUpdates.createdAt)).limit(200);
  const texts = await textsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, texts: texts.get(r.id)! }));
}

/**
 * When the campaign's other updates that count against the weekly limit went (or will go) out, oldest first:
 * `coalesce(started_at, scheduled_at)` within a week of `at`, either side.
 */
export async function recentUpdateSlots(db: Db, campaignId: string, at: Date, exceptId: string): Promise<Date[]> {
  const rows = rowsOf<{ slot: Date | string }>(
    await db.execute(sql`select coalesce(started_at, scheduled_at) as slot from campaign_updates
      where campaign_id = ${campaignId} and id <> ${exceptId} and ${updateIsCountedSql(sql`state`)}
        and coalesce(started_at, scheduled_at) > ${at.toISOString()}::timestamptz - interval '7 days'
        and coalesce(started_at, scheduled_at) < ${at.toISOString()}::timestamptz + interval '7 days'
      order by slot asc`),
  );
  return rows.map((r) => new Date(r.slot));
}

// ── The fan-out ─────────────────────────────────────────────────────────────────────────────────────────

/** Scheduled updates whose time has come, taken one at a time (`for update skip locked`). */
export async function claimDueScheduledUpdate(db: Db): Promise<CampaignUpdate | null> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`select id from campaign_updates where state = 'scheduled' and scheduled_at <= now()
      order by scheduled_at limit 1 for update skip locked`),
  );
  if (!row) return null;
  const [update] = await db.select().from(campaignUpdates).where(eq(campaignUpdates.id, row.id));
  return update ?? null;
}

/** A sending update whose fan-out is unfinished and not in another process's hands; it is ours for `leaseMs`. */
export async function claimFanout(db: Db, leaseMs: number): Promise<CampaignUpdate | null> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`
      update campaign_updates set fanout_lease_until = clock_timestamp() + ${leaseMs} * interval '1 millisecond'
      where id = (select id from campaign_updates where state = 'sending' and fanout_done_at is null
                    and (fanout_lease_until is null or fanout_lease_until < clock_timestamp())
                  order by started_at limit 1 for update skip locked)
      returning id`),
  );
  if (!row) return null;
  const [update] = await db.select().from(campaignUpdates).where(eq(campaignUpdates.id, row.id));
  return update ?? null;
}

/**
 * One page of an update's fan-out, in one statement: the next `pageSize` deliverable subscribers after `cursor`
 * (keyset by id, db/queries/subscribers.ts), the cursor moved past them with the lease renewed — only while the
 * update is still sending from this cursor (a pause, a cancel or another process's takeover makes the page write
 * nothing) —, a delivery row for each (primary key (update, subscriber): a page replayed after a crash or a resume
 * adds nothing) and an outbox email for each new delivery row. Written in SQL, not parsed per email in JS: the
 * payload is built from typed columns (`updateId`, `subscriberId`, `locale` — the subscriber's if the update is
 * written in it, else `defaultLocale`), and the sender validates every payload with its kind's schema anyway.
 */
export async function enqueueFanoutPage(
  db: Db,
  p: { updateId: string; campaignId: string; cursor: string | null; pageSize: number; leaseMs: number; locales: readonly Locale[]; defaultLocale: Locale; priority: number },
): Promise<{ advanced: boolean; cursor: string | null; done: boolean; enqueued: number }> {
  const locales = [...new Set([...p.locales, p.defaultLocale])];
  const [row] = rowsOf<{ advanced: number; last: string | null; size: number; enqueued: number }>(
    await db.execute(sql`
      with page as (${deliverableSubscriberPage(db, p.campaignId, p.cursor, p.pageSize)}),
      tally as (select (select count(*) from page)::int as size, (select id from page order by id desc limit 1) as last),
      advanced as (
        update campaign_updates set fanout_cursor = coalesce((select last from tally), ${p.cursor}::uuid),
          fanout_lease_until = clock_timestamp() + ${p.leaseMs} * interval '1 millisecond',
          fanout_done_at = case when (select size from tally) < ${p.pageSize} then clock_timestamp() end
        where id = ${p.updateId} and state = 'sending' and fanout_cursor is not distinct from ${p.cursor}::uuid
        returning id
      ),
      fresh as (
        insert into update_deliveries (update_id, subscriber_id, locale, outbox_id)
        select ${p.updateId}::uuid, page.id, case when page.locale in ${locales} then page.locale else ${p.defaultLocale} end, gen_random_uuid()
        from page where exists (select 1 from advanced)
        on conflict (update_id, subscriber_id) do nothing
        returning subscriber_id, locale, outbox_id
      ),
      emails as (
        insert into email_outbox (id, kind, payload, priority)
        select outbox_id, ${UPDATE_EMAIL_KIND}, jsonb_build_object('updateId', ${p.updateId}::text, 'subscriberId', subscriber_id::text, 'locale', locale), ${p.priority}
        from fresh
        returning 1
      )
      select (select count(*) from advanced)::int as advanced, (select last from tally) as last, (select size from tally) as size,
        (select count(*) from emails)::int as enqueued`),
  );
  const r = row!;
  return { advanced: r.advanced === 1, cursor: r.last ?? p.cursor, done: r.size < p.pageSize, enqueued: r.enqueued };
}

/**
 * Takes back the update's emails still waiting in the outbox (a pause or a cancel) with their delivery rows,
 * so a resume enqueues them again; an email already in a batch is on its way and stays.
 */
export async function withdrawQueuedEmails(db: Db, updateId: string): Promise<number> {
  // Deleting the emails sets their deliveries' outbox_id to null (the foreign key); those rows go next.
  await db.execute(sql`delete from email_outbox o using update_deliveries d
    where d.update_id = ${updateId} and o.id = d.outbox_id and o.state = 'queued'`);
  const gone = await db
    .delete(updateDeliveries)
    .where(and(eq(updateDeliveries.updateId, updateId), isNull(updateDeliveries.outboxId)))
    .returning({ id: updateDeliveries.subscriberId });
  return gone.length;
}

/** Sending updates whose fan-out is done and whose every email has left (sent, failed or skipped) become sent. */
export async function finishSentUpdates(db: Db): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      update campaign_updates u set state = 'sent', sent_at = clock_timestamp(), version = version + 1, updated_at = now()
      where u.state = 'sending' and u.fanout_done_at is not null
        and not exists (select 1 from email_outbox o where o.kind = ${UPDATE_EMAIL_KIND} and o.state in ('queued', 'batched')
                        and o.payload->>'updateId' = u.id::text)
      returning u.id`),
  );
  return rows.map((r) => r.id);
}

export type UpdateProgress = { total: number; enqueued: number; sent: number; failed: number; skipped: number; waiting: number };

/** Sent / failed / skipped / still waiting among the update's emails; `total`: the recipients when it began. */
export async function updateProgress(db: Db, update: Pick<CampaignUpdate, "id" | "recipientsTotal">): Promise<UpdateProgress> {
  const [row] = rowsOf<{ enqueued: number; sent: number; failed: number; skipped: number; waiting: number }>(
    await db.execute(sql`select count(*)::int as enqueued,
        count(*) filter (where o.state = 'sent')::int as sent,
        count(*) filter (where o.state = 'failed')::int as failed,
        count(*) filter (where o.state = 'skipped')::int as skipped,
        count(*) filter (where o.state in ('queued', 'batched'))::int as waiting
      from update_deliveries d left join email_outbox o on o.id = d.outbox_id where d.update_id = ${update.id}`),
  );
  const p = row ?? { enqueued: 0, sent: 0, failed: 0, skipped: 0, waiting: 0 };
  return { ...p, total: Math.max(update.recipientsTotal ?? 0, p.enqueued) };
}

// ── Public ──────────────────────────────────────────────────────────────────────────────────────────────

export type PublicUpdate = { id: string; sentAt: Date; campaignSlug: string; defaultLocale: Locale; texts: UpdateTexts };

/** Sent updates of public campaigns, newest first. */
export async function listPublicUpdates(db: Db, limit = 50): Promise<PublicUpdate[]> {
  const rows = await db
    .select({ id: campaignUpdates.id, sentAt: campaignUpdates.sentAt, defaultLocale: campaignUpdates.defaultLocale, campaignSlug: campaigns.slug })
    .from(campaignUpdates)
    .innerJoin(campaigns, eq(campaigns.id, campaignUpdates.campaignId))
    .where(and(updateIsPublicSql(campaignUpdates.state), campaignIsPublicSql(campaigns.state)))
    .orderBy(desc(campaignUpdates.sentAt), asc(campaignUpdates.id))
    .limit(limit);
  const texts = await textsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, sentAt: r.sentAt!, campaignSlug: r.campaignSlug, defaultLocale: r.defaultLocale as Locale, texts: texts.get(r.id)! }));
}

export async function findPublicUpdate(db: Db, id: string): Promise<PublicUpdate | null> {
  const [r] = await db
    .select({ id: campaignUpdates.id, sentAt: campaignUpdates.sentAt, defaultLocale: campaignUpdates.defaultLocale, campaignSlug: campaigns.slug })
    .from(campaignUpdates)
    .innerJoin(campaigns, eq(campaigns.id, campaignUpdates.campaignId))
    .where(and(eq(campaignUpdates.id, id), updateIsPublicSql(campaignUpdates.state), campaignIsPublicSql(campaigns.state)));
  if (!r) return null;
  return { id: r.id, sentAt: r.sentAt!, campaignSlug: r.campaignSlug, defaultLocale: r.defaultLocale as Locale, texts: (await textsOf(db, [r.id])).get(r.id)! };
}

/** What an update email shows besides its text: the campaign's name. */
export async function findUpdateForEmail(db: Db, id: string): Promise<(UpdateWithTexts & { campaignName: Record<Locale, string> }) | null> {
  const [row] = await db
    .select({ update: campaignUpdates, campaignName: campaigns.name })
    .from(campaignUpdates)
    .innerJoin(campaigns, eq(campaigns.id, campaignUpdates.campaignId))
    .where(eq(campaignUpdates.id, id));
  if (!row) return null;
  return { ...row.update, campaignName: row.campaignName, texts: (await textsOf(db, [id])).get(id)! };
}

/**
 * Fresh planner statistics for the outbox after a fan-out wrote thousands of rows into it. Until autovacuum's next
 * round (a minute or more) the planner believes the ready queue holds the few hundred rows it last saw, and reads
 * all of it (a bitmap scan and a sort: 60–110 ms at 60,000 queued, measured) for every slot the mail sender
 * reserves and every batch it claims, instead of the first entries of its index (under a millisecond).
 */
export async function refreshOutboxStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze email_outbox`);
}
