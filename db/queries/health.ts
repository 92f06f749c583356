import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { BOSS_SCHEMA } from "@/db/boss-adapter";

/** The database answers a query. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/**
 * How long the oldest job that could run now has waited, in seconds (0 when none waits). pg-boss keeps jobs
 * not yet started in states below 'active', with a partial index on (name, start_after) for exactly those.
 */
export async function oldestWaitingJobSeconds(db: Db): Promise<number> {
  const result = await db.execute(sql`
    select coalesce(extract(epoch from now() - min(start_after)), 0)::int as seconds
    from ${sql.raw(`${BOSS_SCHEMA}.job`)}
    where state < 'active' and start_after <= now()`);
  return Math.max(0, Number(rowsOf<{ seconds: number }>(result)[0]?.seconds ?? 0));
}
