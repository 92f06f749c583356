import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql, TransactionSql } from "postgres";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";
import { pgliteExecutor, postgresJsExecutor } from "./boss-adapter";
import * as schema from "./schema";

/**
 * The only place that knows which driver runs: postgres.js when DATABASE_URL is set (production),
 * PGlite in a local folder otherwise (embedded default). Everything else takes a `Db`.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database =
  | { driver: "postgres"; db: Db; client: Sql; close: () => Promise<void> }
  | { driver: "pglite"; db: Db; client: PGlite; close: () => Promise<void> };

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export type OpenOptions = {
  databaseUrl?: string;
  /** PGlite data folder; in memory when absent. */
  pgliteDir?: string;
  max?: number;
  /** Apply migrations on open. PGlite always does; on PostgreSQL `npm run db:migrate` does it once per deploy. */
  migrate?: boolean;
};

/** Opens a database and applies the migrations. Callers own the result; the app uses `getDatabase()`. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const client = postgres(options.databaseUrl, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: { application_name: "qoldau" },
    });
    const db = drizzle(client, { schema });
    if (options.migrate) await migrate(db, { migrationsFolder });
    return { driver: "postgres", db: db as unknown as Db, client, close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = options.pgliteDir;
  if (dir) mkdirSync(dir, { recursive: true });
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { driver: "pglite", db: db as unknown as Db, client, close: () => client.close() };
}

type Holder = { database?: Promise<Database>; open?: () => Promise<Database> };
const holder = globalThis as typeof globalThis & { __qoldauDb?: Holder };

/**
 * How this process opens its database, said once at start-up (lib/server-start.ts: from the environment, and
 * seeded on the embedded default). The data layer itself reads no configuration.
 */
export function configureDatabase(open: () => Promise<Database>): void {
  const h = (holder.__qoldauDb ??= {});
  h.open = open;
}

/** The process-wide database (one PGlite instance per process), opened once, as configured at start-up. */
export function getDatabase(): Promise<Database> {
  const h = (holder.__qoldauDb ??= {});
  if (h.database) return h.database; // opened, or set by setProcessDatabase
  const open = h.open;
  if (!open) return Promise.reject(new Error("no database configured: lib/server-start.ts configures it at start-up"));
  h.database ??= open();
  h.database.catch(() => {
    h.database = undefined;
  });
  return h.database;
}

/** Makes `database` the process's own (tests that drive route handlers; it is closed by its owner). */
export function setProcessDatabase(database: Database): void {
  holder.__qoldauDb = { open: () => Promise.resolve(database), database: Promise.resolve(database) };
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Rows of a raw `db.execute(sql\`…\`)`: postgres.js answers with an array, PGlite with `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * The pg-boss executor for this database, or for a transaction opened with `db.transaction`, so a job
 * is enqueued in the same transaction as the rows it is about. Drizzle keeps the driver's transaction
 * at `tx.session.client` (not public API: pinned drizzle-orm, covered by the signing integration tests).
 */
export function jobExecutor(database: Database, tx?: Db): PgBoss.Db {
  const client = tx ? (tx as unknown as { session?: { client?: unknown } }).session?.client : database.client;
  if (!client) throw new Error("jobExecutor: cannot reach the driver's transaction (drizzle internals changed?)");
  return database.driver === "postgres"
    ? postgresJsExecutor(client as Sql | TransactionSql)
    : pgliteExecutor(client as PGlite | Transaction);
}
