import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { powSpent, rateLimitCounters } from "@/db/schema";

/**
 * Counts one hit for `key` in `bucket`'s window starting at `windowStart`, and returns the window's hits so far.
 * One statement: the key's older windows go, the current one is created or incremented (concurrent hits from
 * any process serialize on the row, so none is lost).
 */
export async function countHit(db: Db, bucket: string, key: string, windowStart: Date): Promise<number> {
  const start = windowStart.toISOString();
  const result = await db.execute(sql`
    with expired as (
      delete from ${rateLimitCounters}
      where ${rateLimitCounters.bucket} = ${bucket} and ${rateLimitCounters.key} = ${key} and ${rateLimitCounters.windowStart} < ${start}::timestamptz
    )
    insert into ${rateLimitCounters} (bucket, key, window_start, hits) values (${bucket}, ${key}, ${start}::timestamptz, 1)
    on conflict (bucket, key, window_start) do update set hits = ${rateLimitCounters.hits} + 1
    returning hits`);
  return Number(rowsOf<{ hits: number }>(result)[0]!.hits);
}

/**
 * A hit counted in the window starting at `windowStart`, for a sliding-window limit: returns this window's hits
 * (this one included) and the previous window's, which is kept until the window after it (older rows go in the
 * same statement).
 */
export async function countSlidingHit(db: Db, bucket: string, key: string, windowStart: Date, previousStart: Date): Promise<{ current: number; previous: number }> {
  const result = await db.execute(sql`
    with expired as (
      delete from ${rateLimitCounters}
      where ${rateLimitCounters.bucket} = ${bucket} and ${rateLimitCounters.key} = ${key} and ${rateLimitCounters.windowStart} < ${previousStart.toISOString()}::timestamptz
    ), hit as (
      insert into ${rateLimitCounters} (bucket, key, window_start, hits) values (${bucket}, ${key}, ${windowStart.toISOString()}::timestamptz, 1)
      on conflict (bucket, key, window_start) do update set hits = ${rateLimitCounters.hits} + 1
      returning hits
    )
    select (select hits from hit) as current,
           coalesce((select hits from ${rateLimitCounters} where ${rateLimitCounters.bucket} = ${bucket} and ${rateLimitCounters.key} = ${key}
                      and ${rateLimitCounters.windowStart} = ${previousStart.toISOString()}::timestamptz), 0) as previous`);
  const row = rowsOf<{ current: number; previous: number }>(result)[0]!;
  return { current: Number(row.current), previous: Number(row.previous) };
}

/**
 * One attempt of a supporter action (an RSVP, a subscription) from one client on one target, counted in its
 * minute and its hour window in one statement; returns both windows' hits so far, this one included. The upsert
 * serializes concurrent attempts on the client's rows, so the n-th attempt sees exactly n.
 */
export async function countClientAttempt(db: Db, action: string, key: string, now: Date): Promise<{ minute: number; hour: number }> {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();
  const result = await db.execute(sql`
    with expired as (
      delete from ${rateLimitCounters}
      where ${rateLimitCounters.key} = ${key}
        and ((${rateLimitCounters.bucket} = ${`${action}:minute`} and ${rateLimitCounters.windowStart} < ${minute}::timestamptz)
          or (${rateLimitCounters.bucket} = ${`${action}:hour`} and ${rateLimitCounters.windowStart} < ${hour}::timestamptz))
    )
    insert into ${rateLimitCounters} (bucket, key, window_start, hits)
    values (${`${action}:minute`}, ${key}, ${minute}::timestamptz, 1), (${`${action}:hour`}, ${key}, ${hour}::timestamptz, 1)
    on conflict (bucket, key, window_start) do update set hits = ${rateLimitCounters.hits} + 1
    returning bucket, hits`);
  const rows = rowsOf<{ bucket: string; hits: number }>(result);
  const hits = (suffix: string) => Number(rows.find((r) => r.bucket.endsWith(suffix))?.hits ?? 0);
  return { minute: hits(":minute"), hour: hits(":hour") };
}

/**
 * Spends a proof-of-work challenge: true the first time (the key is kept until `expiresAt`, when the challenge
 * would be refused anyway), false when it was spent before — by any process. Expired keys go in the same statement.
 */
export async function spendChallenge(db: Db, key: string, expiresAt: Date): Promise<boolean> {
  const result = await db.execute(sql`
    with gone as (delete from ${powSpent} where ${powSpent.expiresAt} < now())
    insert into ${powSpent} (challenge, expires_at) values (${key}, ${expiresAt.toISOString()}::timestamptz)
    on conflict (challenge) do nothing
    returning challenge`);
  return rowsOf(result).length === 1;
}

/** Retention: counters (keyed address-hashes) of windows that began before `cutoff`. */
export async function deleteRateLimitCountersBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db.execute(sql`delete from ${rateLimitCounters} where ${rateLimitCounters.windowStart} < ${cutoff.toISOString()}::timestamptz returning 1`);
  return rowsOf(result).length;
}

/** Retention: the hourly job's flags of a client (an address-hash) raised before `cutoff`. Domain flags stay. */
export async function deleteClientFlagsBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db.execute(sql`delete from abuse_flags where kind = 'client' and created_at < ${cutoff.toISOString()}::timestamptz returning 1`);
  return rowsOf(result).length;
}
