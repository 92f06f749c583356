import path from "node:path";
import { configureDatabase, getDatabase, openDatabase } from "@/db";
import { seed } from "@/db/seed";
import { describeError, installLogRedaction } from "@/lib/log";
import { env } from "@/lib/env";
import { getJobs } from "@/lib/jobs/runtime";
import { startWorkers } from "@/lib/jobs/workers";
import { ensureDevAdmin } from "@/lib/organizers/ensure-dev-admin";
import { configureDataKeys } from "@/lib/security/data-keys";
import { sealLegacyPersonalData } from "@/db/seal-legacy";

/**
 * The process's database, from the environment: PostgreSQL with DATABASE_URL, else PGlite in PGLITE_DIR, migrated
 * (PGlite always migrates on open) and seeded with the first campaign.
 */
export function configureProcessDatabase(): void {
  // The keys of personal data at rest first: nothing may read or write a supporter's data without them.
  configureDataKeys();
  configureDatabase(async () => {
    const e = env();
    const database = await openDatabase({ databaseUrl: e.DATABASE_URL, pgliteDir: path.resolve(e.PGLITE_DIR) });
    if (database.driver === "pglite") await seed(database.db);
    return database;
  });
}

/** Validate the environment, open (and on the embedded default migrate and seed) the database, start jobs. */
export async function startServer(): Promise<void> {
  // First of all: nothing this process logs — ours, Next's, a library's — may carry a supporter's data.
  installLogRedaction();
  try {
    const e = env();
    configureProcessDatabase();
    const database = await getDatabase();
    // Rows written before encryption at rest (or by an older process during a rolling deploy) are sealed now.
    const sealed = await sealLegacyPersonalData(database.db);
    if (sealed > 0) console.log(`[qoldau] sealed ${sealed} rows of personal data still in clear`);
    await ensureDevAdmin(database.db);
    const jobs = await getJobs();
    const workers = e.JOBS === "on" ? await startWorkers(database.db, jobs) : null;
    const stop = async () => {
      // Under scripts/serve.mjs: the requests in flight finish first (it stops taking new ones on the same signal).
      await (globalThis as { qoldauDrain?: () => Promise<void> }).qoldauDrain?.().catch(() => {});
      await workers?.stop().catch(() => {});
      await jobs.stop().catch(() => {});
      await database.close().catch(() => {});
      process.exit(0);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  } catch (error) {
    console.error(`[qoldau] cannot start: ${describeError(error)}`);
    process.exit(1);
  }
}
