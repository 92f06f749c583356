/**
 * `npm run db:seed`: create the first campaign (idempotent: an existing campaign is left as it is).
 * The embedded default seeds itself on start; on PostgreSQL run this once after `npm run db:migrate`.
 */
import path from "node:path";
import { openDatabase } from "@/db";
import { seed } from "@/db/seed";
import { env } from "@/lib/env";
import { runCli } from "./run-cli";

async function main() {
  const e = env();
  const database = await openDatabase({ databaseUrl: e.DATABASE_URL, pgliteDir: path.resolve(e.PGLITE_DIR), migrate: true, max: 1 });
  try {
    const { created } = await seed(database.db);
    console.log(created ? "[qoldau] seeded the first campaign" : "[qoldau] the campaign already exists; nothing changed");
  } finally {
    await database.close();
  }
}

runCli("db:seed", main);
