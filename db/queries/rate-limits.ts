import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { rateLimitCounters } from "@/db/schema";

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

/** Retention: counters (keyed address-hashes) of windows that began before `cutoff`. */
export async function deleteRateLimitCountersBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db.execute(sql`delete from ${rateLimitCounters} where ${rateLimitCounters.windowStart} < ${cutoff.toISOString()}::timestamptz returning 1`);
  return rowsOf(result).length;
}
