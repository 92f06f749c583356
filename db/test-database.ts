import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from "./testing";

/**
 * The one setup of an integration test file (vitest only): a fresh, migrated database of its own before the
 * file's tests, dropped after them (its afterAll runs after the file's own, which Vitest runs in reverse). Returns
 * the database, to call inside tests and hooks.
 */
export function setUpTestDatabase(options: TestDatabaseOptions = {}): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(options);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error("the test database opens before the file's tests: use it inside a test or a hook");
    return database;
  };
}
