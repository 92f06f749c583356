import { spawn } from "node:child_process";
import { emailIndex, open } from "@/db/personal-data";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db";
import { signatures } from "@/db/schema";
import { seed } from "@/db/seed";
import { setUpTestDatabase } from "@/db/test-database";
import { mailInFlight } from "@/lib/email/testing";
import { setUpResendCapture, testMailEnv } from "@/lib/email/test-capture";
import { type Jobs, startJobs } from "@/lib/jobs/boss";
import { type Workers, startWorkers } from "@/lib/jobs/workers";

// A process that acknowledged signatures is killed (SIGKILL) before any email went out. After a restart
// every signature is still there and each signer gets exactly one email. On PGlite this is the embedded
// default's data folder surviving a crash; on PostgreSQL a web process dying under a load balancer.

const capture = setUpResendCapture();
// On disk on PGlite: the embedded default's data folder, which the killed child process opens too.
const testDb = setUpTestDatabase({ onDisk: true });
let database: Database | undefined;
let jobs: Jobs | undefined;
let workers: Workers | undefined;

beforeAll(async () => {
  await seed(testDb().db);
  await (await startJobs(testDb())).stop(); // pg-boss's schema and queues
  await testDb().close(); // the child opens the data (PGlite allows one process per folder)
});

afterAll(async () => {
  await workers?.stop();
  await jobs?.stop();
  await database?.close();
});

it("a process killed after acknowledging signatures loses none of them and none of their emails", async () => {
  const emails = Array.from({ length: 5 }, (_, i) => `crash-${i}-${Date.now()}@example.org`);
  const child = spawn(process.execPath, ["--import", "tsx", "lib/signatures/testing/sign-then-die.ts", testDb().target!, ...emails], {
    env: { ...process.env, ...testMailEnv, RESEND_BASE_URL: capture().url, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, s) => resolve(s)));
  expect(out).toContain(`SIGNED ${emails.length}`);
  expect(signal).toBe("SIGKILL");
  expect(capture().emails()).toHaveLength(0);

  database = await testDb().reopen(); // as the restarted process would
  const stored = await database.db.select({ email: signatures.emailSealed }).from(signatures).where(inArray(signatures.emailIndex, emails.map(emailIndex)));
  expect(stored.map((s) => open("signatures.email", s.email!)).sort()).toEqual([...emails].sort());

  jobs = await startJobs(database);
  workers = await startWorkers(database.db, jobs, { pollingIntervalSeconds: 0.5, mail: { idleMs: 100 } });
  for (const email of emails) await capture().waitFor((e) => e.to.includes(email), 20_000);
  // Nothing left to send: a second email to anyone would have to be on its way now.
  while ((await mailInFlight(database.db)) > 0) await new Promise((r) => setTimeout(r, 25));
  for (const email of emails) expect(capture().emails().filter((e) => e.to.includes(email))).toHaveLength(1);
});
