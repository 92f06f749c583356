import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Database, openDatabase } from "@/db";
import { signatures } from "@/db/schema";
import { seed } from "@/db/seed";
import { type TestDatabase, createTestDatabase, testDriver } from "@/db/testing";
import { type ResendCapture, startResendCapture } from "@/e2e/support/resend-capture";
import { type Jobs, startJobs } from "@/lib/jobs/boss";
import { type Workers, startWorkers } from "@/lib/jobs/workers";

// A process that acknowledged signatures is killed (SIGKILL) before any email went out. After a restart
// every signature is still there and each signer gets exactly one email. On PGlite this is the embedded
// default's data folder surviving a crash; on PostgreSQL a web process dying under a load balancer.

let capture: ResendCapture;
let pgliteDir: string | undefined;
let testDb: TestDatabase | undefined;
let database: Database | undefined;
let jobs: Jobs | undefined;
let workers: Workers | undefined;

const secretEnv = {
  AUTH_SECRET: "crash-test-secret-crash-test-secret-0123",
  APP_URL: "http://qoldau.test",
  RESEND_API_KEY: "re_test_key",
  MAIL_FROM: "Qoldau <noreply@qoldau.test>",
};

beforeAll(async () => {
  capture = await startResendCapture();
  Object.assign(process.env, secretEnv, { RESEND_BASE_URL: capture.url });
  if (testDriver === "pglite") {
    pgliteDir = mkdtempSync(path.join(os.tmpdir(), "qoldau-crash-"));
    const setup = await openDatabase({ pgliteDir, migrate: true });
    await seed(setup.db);
    await (await startJobs(setup)).stop(); // pg-boss's schema and queues
    await setup.close();
  } else {
    testDb = await createTestDatabase();
    await seed(testDb.db);
    await (await startJobs(testDb)).stop();
  }
});

afterAll(async () => {
  await workers?.stop();
  await jobs?.stop();
  await database?.close();
  await testDb?.drop();
  await capture?.close();
  if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
});

it("a process killed after acknowledging signatures loses none of them and none of their emails", async () => {
  const emails = Array.from({ length: 5 }, (_, i) => `crash-${i}-${Date.now()}@example.org`);
  const target = pgliteDir ? `pglite:${pgliteDir}` : testDb!.url!;
  const child = spawn(process.execPath, ["--import", "tsx", "lib/signatures/testing/sign-then-die.ts", target, ...emails], {
    env: { ...process.env, ...secretEnv, RESEND_BASE_URL: capture.url, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, s) => resolve(s)));
  expect(out).toContain(`SIGNED ${emails.length}`);
  expect(signal).toBe("SIGKILL");
  expect(capture.emails()).toHaveLength(0);

  if (testDb) await testDb.close(); // the parent's pool is reopened below, as a new process would
  database = pgliteDir ? await openDatabase({ pgliteDir }) : await openDatabase({ databaseUrl: testDb!.url, max: 5 });
  const stored = await database.db.select({ email: signatures.emailNormalized }).from(signatures).where(inArray(signatures.emailNormalized, emails));
  expect(stored.map((s) => s.email).sort()).toEqual([...emails].sort());

  jobs = await startJobs(database);
  workers = await startWorkers(database.db, jobs, { pollingIntervalSeconds: 0.5, mail: { idleMs: 100 } });
  for (const email of emails) await capture.waitFor((e) => e.to.includes(email), 20_000);
  await new Promise((r) => setTimeout(r, 1500));
  for (const email of emails) expect(capture.emails().filter((e) => e.to.includes(email))).toHaveLength(1);
});
