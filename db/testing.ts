import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Database, openDatabase } from "./index";
import { type SQL, sql } from "drizzle-orm";
import { configurePersonalData, emailIndex } from "./personal-data";

/** Tests run against real PostgreSQL (default) or PGlite (QOLDAU_TEST_DRIVER=pglite). */
export const testDriver = process.env.QOLDAU_TEST_DRIVER === "pglite" ? "pglite" : "postgres";
export const testServerUrl = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * Every test process gets keys for personal data at rest (db/personal-data.ts); set in the environment too, so an
 * app process a test starts (a CLI, a second server) opens what this one sealed.
 */
process.env.DATA_KEY ??= "qoldau-test-data-key-0123456789abcdef";
process.env.DATA_INDEX_KEY ??= "qoldau-test-index-key-0123456789abcdef";
configurePersonalData({
  current: process.env.DATA_KEY,
  previous: process.env.DATA_KEY_PREVIOUS?.split(",").filter(Boolean),
  index: process.env.DATA_INDEX_KEY,
});

export type TestDatabase = Database & {
  /** PostgreSQL only: the database's URL. */
  url?: string;
  /** Where another process opens the same data: the URL, or `pglite:<folder>` (PGlite with `onDisk`). */
  target?: string;
  /** Another handle on the same data, as a restarted process would open it (the caller closes it). */
  reopen: () => Promise<Database>;
  /** Closes this handle (once) and removes the database. */
  drop: () => Promise<void>;
};

export type TestDatabaseOptions = {
  /** Pool size on PostgreSQL. */
  max?: number;
  /** PGlite in a folder instead of in memory, so it can be closed, reopened and opened by a child process. */
  onDisk?: boolean;
};

const once = (f: () => Promise<void>) => {
  let done: Promise<void> | undefined;
  return () => (done ??= f());
};

/** Creates a fresh, migrated database of its own: a new PostgreSQL database, or a PGlite in memory (or a folder). */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (testDriver === "pglite") {
    const pgliteDir = options.onDisk ? mkdtempSync(path.join(os.tmpdir(), "qoldau-test-")) : undefined;
    const database = await openDatabase({ pgliteDir, migrate: true });
    const close = once(database.close);
    const reopen = () => {
      if (!pgliteDir) throw new Error("an in-memory PGlite cannot be reopened: set up the test database with onDisk");
      return openDatabase({ pgliteDir });
    };
    const drop = once(async () => {
      await close();
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    });
    return { ...database, close, target: pgliteDir && `pglite:${pgliteDir}`, reopen, drop };
  }
  const name = `qoldau_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const url = withDatabase(testServerUrl, name);
  await adminQuery(`create database "${name}"`);
  const max = options.max ?? 5;
  const database = await openDatabase({ databaseUrl: url, migrate: true, max });
  const close = once(database.close);
  const drop = once(async () => {
    await close();
    await adminQuery(`drop database if exists "${name}" with (force)`);
  });
  return { ...database, close, url, target: url, reopen: () => openDatabase({ databaseUrl: url, max }), drop };
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

/** Tests: `email_index in ${emailIndexIn(addresses)}` — the rows of these addresses, by their blind index. */
export function emailIndexIn(addresses: string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(addresses.map(emailIndex))}::jsonb))`;
}
