import { readFileSync } from "node:fs";
import path from "node:path";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "./index";
import * as schema from "./schema";
import { testDriver } from "./testing";
import { setUpTestDatabase } from "./test-database";

const database = setUpTestDatabase();

/** Rows of a raw query on either driver (postgres.js answers with an array, PGlite with `{ rows }`). */
async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await database().db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describe(`migrations on ${testDriver}`, () => {
  it("create every table the Drizzle schema declares", async () => {
    const declared = Object.values(schema as Record<string, unknown>)
      .filter((value): value is PgTable => is(value, PgTable))
      .map((table) => getTableName(table))
      .sort();
    const present = await rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = new Set(present.map((r) => r.table_name));
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.filter((t) => !names.has(t)), "tables in db/schema without a migration (run npm run db:generate)").toEqual([]);
  });

  it("record every migration in the journal as applied", async () => {
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    const applied = await rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied[0]?.n).toBe(journal.entries.length);
  });

  it("keep the constraints that express the domain", async () => {
    const checks = await rows<{ conname: string }>(sql`select conname from pg_constraint where contype = 'c'`);
    const names = checks.map((c) => c.conname);
    expect(names).toEqual(expect.arrayContaining(["petitions_state_check", "petitions_goal_check", "signatures_state_check"]));
    const unique = await rows<{ indexname: string }>(sql`select indexname from pg_indexes where schemaname = 'public'`);
    expect(unique.map((u) => u.indexname)).toContain("signatures_petition_email_uq");
  });
});
