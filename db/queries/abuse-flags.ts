import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { abuseFlags, petitions, signatures } from "@/db/schema";

export type AbuseFlag = typeof abuseFlags.$inferSelect;

/**
 * Flags every client (address-hash) and email domain with at least `threshold` confirmed signatures on one
 * petition within a sliding hour, among the signatures confirmed in (`from`, `now`]. A burst already
 * flagged (an overlapping hour for the same subject and petition) is not flagged again, so overlapping runs
 * add nothing. One statement; per petition it reads its confirmations through (petition, state, confirmed_at).
 */
export async function insertBurstFlags(db: Db, p: { from: Date; now: Date; threshold: number }): Promise<AbuseFlag[]> {
  const from = p.from.toISOString();
  const to = p.now.toISOString();
  const result = await db.execute(sql`
    with recent as (
      select s.petition_id, s.client_hash, coalesce(s.email_domain, '') as domain, s.confirmed_at
      from ${petitions} p cross join lateral (
        select * from ${signatures} s
        where s.petition_id = p.id and s.state = 'confirmed' and s.confirmed_at > ${from}::timestamptz and s.confirmed_at <= ${to}::timestamptz
      ) s
    ), subjects as (
      select petition_id, 'client' as kind, client_hash as subject, confirmed_at from recent where client_hash is not null
      union all
      select petition_id, 'domain', domain, confirmed_at from recent where domain <> ''
    ), windows as (
      select petition_id, kind, subject, confirmed_at,
        count(*) over (partition by petition_id, kind, subject order by confirmed_at range between interval '1 hour' preceding and current row) as n
      from subjects
    ), peaks as (
      select distinct on (petition_id, kind, subject) petition_id, kind, subject, confirmed_at - interval '1 hour' as window_start, n
      from windows where n >= ${p.threshold}::int
      order by petition_id, kind, subject, n desc, confirmed_at
    )
    insert into ${abuseFlags} (petition_id, kind, subject, window_start, signatures)
    select k.petition_id, k.kind, k.subject, k.window_start, k.n from peaks k
    where not exists (
      select 1 from ${abuseFlags} f
      where f.petition_id = k.petition_id and f.kind = k.kind and f.subject = k.subject
        and f.window_start > k.window_start - interval '1 hour' and f.window_start < k.window_start + interval '1 hour'
    )
    on conflict do nothing
    returning id, petition_id as "petitionId", kind, subject, window_start as "windowStart", signatures, created_at as "createdAt",
      resolved_at as "resolvedAt", resolution`);
  return rowsOf<AbuseFlag>(result);
}

/** Open flags first, newest first, with their petition's title; the latest 100 resolved ones after. */
export async function listAbuseFlags(db: Db) {
  return db
    .select({ flag: abuseFlags, petitionTitle: petitions.title, petitionSlug: petitions.slug })
    .from(abuseFlags)
    .innerJoin(petitions, eq(petitions.id, abuseFlags.petitionId))
    .orderBy(sql`${abuseFlags.resolvedAt} is not null`, desc(abuseFlags.createdAt))
    .limit(200);
}

/** Resolves an open flag; null when it is not open (already resolved, or no such flag). */
export async function resolveAbuseFlag(db: Db, id: string, resolution: "blocked" | "dismissed"): Promise<AbuseFlag | null> {
  const [row] = await db
    .update(abuseFlags)
    .set({ resolvedAt: sql`now()`, resolution })
    .where(and(eq(abuseFlags.id, id), isNull(abuseFlags.resolvedAt)))
    .returning();
  return row ?? null;
}
