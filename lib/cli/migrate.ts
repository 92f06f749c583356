/**
 * `npm run db:migrate`: apply db/migrations to DATABASE_URL (or to the embedded PGlite folder when it is unset).
 * Run once per deploy, before the new version starts.
 */
import path from "node:path";
import { openDatabase } from "@/db";
import { env } from "@/lib/env";
import { runCli } from "./run-cli";

async function main() {
  const e = env();
  const started = Date.now();
  const database = await openDatabase({ databaseUrl: e.DATABASE_URL, pgliteDir: path.resolve(e.PGLITE_DIR), migrate: true, max: 1 });
  await database.close();
  const where = e.DATABASE_URL ? redact(e.DATABASE_URL) : path.resolve(e.PGLITE_DIR);
  console.log(`[qoldau] migrations applied to ${where} (${database.driver}) in ${Date.now() - started} ms`);
}

/** The URL without its password, for logs. */
function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

runCli("db:migrate", main);
