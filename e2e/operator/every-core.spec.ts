import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { get as httpGet, request as httpRequest } from "node:http";
import path from "node:path";
import { freePort } from "../support/embedded-server";
import { expect, test } from "../support/fixtures";
import { petitionSlug } from "../support/site";
import { indexOf } from "../support/data";
import { db } from "../organizer/helpers";

// `npm start` in production: one server process per core (here WEB_CONCURRENCY=2) and, unless JOBS=off, one job
// process at a lower CPU priority, on the e2e database and build.

type Started = { primary: ChildProcess; port: number; output: () => string };

function start(env: Record<string, string | undefined>, port: number): Started {
  let output = "";
  const primary = spawn(process.execPath, [path.resolve("scripts/serve.mjs")], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: ".next-e2e", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  primary.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  primary.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  return { primary, port, output: () => output };
}

function production(port: number): Record<string, string | undefined> {
  return {
    DATABASE_URL: process.env.E2E_DATABASE_URL,
    APP_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    // The deployment's keys of personal data at rest: its other processes (the e2e server's) open what this one seals.
    DATA_KEY: process.env.E2E_DATA_KEY,
    DATA_INDEX_KEY: process.env.E2E_DATA_INDEX_KEY,
    RESEND_API_KEY: "re_test_key",
    RESEND_BASE_URL: process.env.E2E_CAPTURE_URL,
    JOBS: "off",
  };
}

const children = (pid: number) =>
  execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).split("\n").map((l) => Number(l.trim())).filter(Boolean);

/** The status of a GET on a connection of its own, so it may be handed to any of the processes; 0 if none answers. */
const fresh = (port: number, url: string) =>
  new Promise<number>((resolve) => {
    const req = httpGet({ host: "127.0.0.1", port, path: url, agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(0));
    req.on("timeout", () => req.destroy());
  });

async function stop({ primary }: Started) {
  if (primary.exitCode !== null) return;
  const exited = new Promise((resolve) => primary.once("exit", resolve));
  primary.kill("SIGTERM");
  await exited;
}

test("npm start serves from as many processes as WEB_CONCURRENCY asks and replaces one that dies", async ({}, testInfo) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const server = start({ ...production(port), WEB_CONCURRENCY: "2" }, port);
  try {
    await expect.poll(() => fresh(port, "/api/v1/health"), { timeout: 90_000 }).toBe(200);
    await expect.poll(() => children(server.primary.pid!).length, { timeout: 60_000 }).toBe(2);
    expect(server.output()).toContain("starting 2 web processes (WEB_CONCURRENCY)");
    expect(server.output()).not.toContain("job process");
    const [victim] = children(server.primary.pid!);

    process.kill(victim!, "SIGKILL");
    // Once the primary has seen it die (a connection handed over in that instant fails), the survivor answers
    // while another process starts in the dead one's place.
    await expect.poll(() => children(server.primary.pid!).includes(victim!), { timeout: 10_000 }).toBe(false);
    for (let i = 0; i < 5; i++) expect(await fresh(port, "/ru")).toBe(200);
    await expect.poll(() => children(server.primary.pid!).filter((p) => p !== victim).length, { timeout: 60_000 }).toBe(2);
    await expect.poll(() => fresh(port, "/api/health")).toBe(200);
  } finally {
    await stop(server);
    await testInfo.attach("server output", { body: server.output(), contentType: "text/plain" });
  }
  expect(server.primary.exitCode ?? 0).toBe(0);
});

/** The nice value of every thread of a process (/proc/<pid>/task/<tid>/stat, field 19). */
const niceOf = (pid: number) =>
  readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      return [Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])];
    } catch {
      return []; // a thread that ended meanwhile
    }
  });

test("the job workers run in a process of their own at a lower CPU priority, replaced when it dies", async ({}, testInfo) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const server = start({ ...production(port), JOBS: undefined, WEB_CONCURRENCY: "2" }, port);
  try {
    await expect.poll(() => server.output(), { timeout: 90_000 }).toContain("job process ready (nice 10)");
    await expect.poll(() => fresh(port, "/api/v1/health"), { timeout: 90_000 }).toBe(200);
    await expect.poll(() => children(server.primary.pid!).length, { timeout: 60_000 }).toBe(3);
    expect(server.output()).toContain("starting 2 web processes (WEB_CONCURRENCY) and a job process (nice 10)");
    const lowered = (pid: number) => niceOf(pid).every((nice) => nice === 10);
    const processes = children(server.primary.pid!);
    const jobs = processes.filter(lowered);
    expect(jobs).toHaveLength(1);
    // The web processes keep the normal priority, every thread of them.
    for (const pid of processes.filter((p) => p !== jobs[0])) expect(new Set(niceOf(pid))).toEqual(new Set([0]));

    process.kill(jobs[0]!, "SIGKILL");
    await expect.poll(() => children(server.primary.pid!).includes(jobs[0]!), { timeout: 10_000 }).toBe(false);
    // Serving goes on meanwhile; another job process takes its place, lowered too.
    for (let i = 0; i < 3; i++) expect(await fresh(port, "/ru")).toBe(200);
    await expect.poll(() => children(server.primary.pid!).filter(lowered).length, { timeout: 60_000 }).toBe(1);
    await expect.poll(() => children(server.primary.pid!).length, { timeout: 60_000 }).toBe(3);
    expect(server.output()).toContain("a job process died (SIGKILL); starting another");
  } finally {
    await stop(server);
    await testInfo.attach("server output", { body: server.output(), contentType: "text/plain" });
  }
  expect(server.primary.exitCode ?? 0).toBe(0);
});

test("a signature in flight when the server is told to stop still gets its answer, and its email goes out", async ({ mailbox }, testInfo) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const server = start({ ...production(port), WEB_CONCURRENCY: "1" }, port); // one process, serving only
  try {
    await expect.poll(() => fresh(port, "/api/v1/health"), { timeout: 90_000 }).toBe(200);
    const email = `drain.${Date.now()}@example.org`;
    const body = `name=Dana&locale=en&email=${encodeURIComponent(email)}`;
    let sendBody = () => {};
    const continued = new Promise<void>((resolve) => (sendBody = resolve));
    const answered = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path: `/api/v1/petitions/${petitionSlug}/signatures`,
          method: "POST",
          // The server answers "100 Continue" once it has the request: from then on it is in flight.
          headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", "content-length": Buffer.byteLength(body), expect: "100-continue" },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.on("continue", () => sendBody());
      void continued.then(async () => {
        server.primary.kill("SIGTERM");
        // Stopping: no new connection is taken any more …
        await expect.poll(() => fresh(port, "/api/v1/health"), { timeout: 10_000 }).toBe(0);
        // … and the one in flight sends its body only now.
        req.end(body);
      });
    });
    expect(await answered).toBe(202);
    // Stored, with its email in the outbox: the deployment's job process (the e2e server's) sends the confirmation.
    const stored = await db()`select s.state, (select count(*)::int from email_outbox o where o.created_at > now() - interval '1 minute') as outbox from signatures s where s.email_index = ${indexOf(email)}`;
    expect(stored).toEqual([{ state: "pending", outbox: expect.any(Number) }]);
    await mailbox.waitFor((e) => e.to.includes(email));
  } finally {
    await stop(server);
    await testInfo.attach("server output", { body: server.output(), contentType: "text/plain" });
  }
  expect(server.primary.exitCode ?? 0).toBe(0);
});

test("the embedded default refuses more than one process, with a message naming the variable", async () => {
  const port = await freePort();
  const server = start({ DATABASE_URL: "", WEB_CONCURRENCY: "2", PGLITE_DIR: "/nonexistent/never-opened" }, port);
  const code = await new Promise<number | null>((resolve) => server.primary.once("exit", resolve));
  expect(code).toBe(1);
  expect(server.output()).toMatch(/WEB_CONCURRENCY must be 1 on the embedded default/);
});
