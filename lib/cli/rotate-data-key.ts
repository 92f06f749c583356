/**
 * `npm run data:rotate-key`: after DATA_KEY was changed (the old one moved to DATA_KEY_PREVIOUS), re-seal every
 * supporter's sealed email and name with the new key, in batches of 500 rows per transaction, while the app runs
 * (PostgreSQL; on the embedded default stop the app first: PGlite allows one process per data folder). Rows still
 * in clear from before encryption at rest are sealed first. Idempotent and resumable: run it again until it
 * reports 0; then DATA_KEY_PREVIOUS can go. The blind index (DATA_INDEX_KEY) does not change.
 */
import path from "node:path";
import { openDatabase } from "@/db";
import { currentKeyId } from "@/db/personal-data";
import { resealPersonalData } from "@/db/reseal";
import { sealLegacyPersonalData } from "@/db/seal-legacy";
import { env } from "@/lib/env";
import { configureDataKeys } from "@/lib/security/data-keys";
import { runCli } from "./run-cli";

async function main() {
  const e = env();
  configureDataKeys();
  const started = Date.now();
  const database = await openDatabase({ databaseUrl: e.DATABASE_URL, pgliteDir: path.resolve(e.PGLITE_DIR), max: 2 });
  try {
    const legacy = await sealLegacyPersonalData(database.db);
    const result = await resealPersonalData(database.db, {
      onBatch: (table, n) => console.log(`[qoldau] data:rotate-key: ${table}: ${n} rows re-sealed`),
    });
    console.log(
      `[qoldau] data:rotate-key: key ${currentKeyId()}: ${result.resealed} rows re-sealed, ${legacy} rows sealed from clear, ` +
        `${result.unreadable} unreadable (left as they are) in ${Date.now() - started} ms`,
    );
    if (result.unreadable > 0) process.exitCode = 2;
  } finally {
    await database.close();
  }
}

runCli("data:rotate-key", main);
