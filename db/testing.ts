import { randomBytes } from "node:crypto";
import { type Database, openDatabase } from "./index";

/** Tests run against real PostgreSQL (default) or PGlite (QOLDAU_TEST_DRIVER=pglite). */
export const testDriver = process.env.QOLDAU_TEST_DRIVER === "pglite" ? "pglite" : "postgres";
export const testServerUrl = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = Database & { url?: string; drop: () => Promise<void> };

/** Creates a fresh, migrated database of its own: a new PostgreSQL database, or an in-memory PGlite. */
export async function createTestDatabase(options: { max?: number } = {}): Promise<TestDatabase> {
  if (testDriver === "pglite") {
    const database = await openDatabase({ migrate: true });
    return { ...database, drop: () => database.close() };
  }
  const name = `qoldau_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const url = withDatabase(testServerUrl, name);
  await adminQuery(`create database "${name}"`);
  const database = await openDatabase({ databaseUrl: url, migrate: true, max: options.max ?? 5 });
  return {
    ...database,
    url,
    drop: async () => {
      await database.close();
      await adminQuery(`drop database if exists "${name}" with (force)`);
    },
  };
}

export function withDatabase(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(text: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const admin = postgres(testServerUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(text);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
