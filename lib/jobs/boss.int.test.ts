import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rowsOf } from "@/db";
import { createTestDatabase, testDriver } from "@/db/testing";
import { startJobs } from "./boss";
import { BOSS_SCHEMA, queues } from "./queues";

// `npm start` forks one process per core and each starts pg-boss and creates the queues at the same moment. On a
// fresh database pg-boss's create_queue deadlocked (40P01) and one process died at its first start. Several
// rounds, each on a new database, because a deadlock needs the two to meet.
it("two processes starting their jobs at once on a fresh database both start, and each queue exists once", async () => {
  for (let round = 0; round < 3; round++) {
    const database = await createTestDatabase();
    // On PGlite (one process per data folder) the two starts share the one handle.
    const other = testDriver === "postgres" ? await database.reopen() : database;
    try {
      const started = await Promise.all([startJobs(database), startJobs(other)]);
      await Promise.all(started.map((jobs) => jobs.stop()));
      const names = rowsOf<{ name: string }>(await database.db.execute(sql`select name from ${sql.identifier(BOSS_SCHEMA)}.queue order by name`)).map((r) => r.name);
      const ours = Object.values(queues).map((q) => q.name).filter((name) => names.includes(name));
      expect(ours.sort()).toEqual([queues.flagBursts.name, queues.rallySweep.name, queues.recountPetitions.name, queues.recountAllPetitions.name, queues.retention.name].sort());
      expect(new Set(names).size).toBe(names.length);
    } finally {
      if (other !== database) await other.close();
      await database.drop();
    }
  }
});
