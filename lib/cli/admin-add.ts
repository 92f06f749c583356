/**
 * `npm run admin:add -- someone@example.org [ru|kk|en]`: make an address an admin (the first admin of a new
 * installation, or another one). Idempotent. On PostgreSQL run `npm run db:migrate` first; on the embedded
 * default stop the app first (PGlite allows one process per data folder).
 */
import path from "node:path";
import { openDatabase } from "@/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { addAdmin } from "@/lib/organizers/add-admin";

async function main() {
  const [email, locale = "ru"] = process.argv.slice(2);
  if (!email || !isLocale(locale)) {
    console.error("usage: npm run admin:add -- someone@example.org [ru|kk|en]");
    process.exit(2);
  }
  const e = env();
  const database = await openDatabase({ databaseUrl: e.DATABASE_URL, pgliteDir: path.resolve(e.PGLITE_DIR), max: 1 });
  try {
    const user = await addAdmin(database.db, email, locale);
    console.log(`[qoldau] ${user.email} is an admin. They sign in at ${e.APP_URL ?? `http://localhost:${e.PORT}`}/${locale}/sign-in`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (isAppError(error, "invalid_input")) {
    console.error("[qoldau] admin:add: not a valid email address");
    process.exit(2);
  }
  const parts: string[] = [];
  for (let e: unknown = error; e; e = e instanceof Error ? e.cause : undefined) parts.push(e instanceof Error ? e.message.trim() : String(e));
  console.error(`[qoldau] admin:add failed: ${parts.join("\n  caused by: ")}`);
  if (parts.some((p) => /relation "users" does not exist/.test(p))) console.error("  run `npm run db:migrate` first");
  process.exit(1);
});
