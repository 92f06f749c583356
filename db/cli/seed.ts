/**
 * `npm run db:seed`: create the first campaign (idempotent: an existing campaign is left as it is).
 * The embedded default seeds itself on start; on PostgreSQL run this once after `npm run db:migrate`.
 */
import path from "node:path";
import { openDatabase } from "@/db";
import { seed } from "@/db/seed";
import { env } from "@/lib/env";

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

main().catch((error: unknown) => {
  console.error(`[qoldau] db:seed failed: ${describe(error)}`);
  process.exit(1);
});

/** The error and its causes: drizzle wraps the driver's error ("connect ECONNREFUSED …") in `cause`. */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e; e = e instanceof Error ? e.cause : undefined) {
    parts.push(e instanceof Error ? e.message.trim() : String(e));
  }
  return parts.join("\n  caused by: ");
}
