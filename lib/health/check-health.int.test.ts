import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/test-database";
import { type Jobs, startJobs } from "@/lib/jobs/boss";
import { queues } from "@/lib/jobs/queues";
import { JOBS_BEHIND_SECONDS, checkHealth } from "./check-health";

const database = setUpTestDatabase();
const gone = setUpTestDatabase();
let jobs: Jobs;

beforeAll(async () => {
  jobs = await startJobs(database()); // pg-boss's schema and queues; no workers, so what is queued waits
});

afterAll(async () => {
  await jobs?.stop();
});

describe("checkHealth", () => {
  it("is ok with the database answering and nothing waiting", async () => {
    expect(await checkHealth(database().db)).toEqual({ status: "ok", database: "ok", jobs: { status: "ok", oldestWaitingSeconds: 0 } });
  });

  it("does not count a job scheduled for later as waiting", async () => {
    await jobs.boss.send(queues.recountPetitions.name, {}, { startAfter: new Date(Date.now() + 3_600_000) });
    expect((await checkHealth(database().db)).jobs).toEqual({ status: "ok", oldestWaitingSeconds: 0 });
  });

  it("says the job workers are behind when a job could have run over a minute ago, and stays ready", async () => {
    await jobs.boss.send(queues.recountPetitions.name, {}, { startAfter: new Date(Date.now() - (JOBS_BEHIND_SECONDS + 30) * 1000) });
    const health = await checkHealth(database().db);
    expect(health.status).toBe("ok");
    expect(health.jobs.status).toBe("behind");
    expect(health.jobs.oldestWaitingSeconds).toBeGreaterThanOrEqual(JOBS_BEHIND_SECONDS + 30);
  });

  it("is unavailable when the database is gone", async () => {
    await gone().drop();
    expect(await checkHealth(gone().db)).toMatchObject({ status: "unavailable", database: "unavailable", jobs: { status: "unknown" } });
  });
});
