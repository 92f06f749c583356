/**
 * npm run bench:fanout — an update to 100,000 confirmed subscribers (seeded by SQL) through `npm start`
 * (scripts/serve.mjs: one web process per core, and one job process at nice 10 with the updates fan-out and the
 * mail sender) on a fresh
 * PostgreSQL database, against the Resend stand-in (e2e/support/resend-capture.ts) enforcing N requests/s.
 * For each run it prints: the time to enqueue every email (fan-out start → last page committed), emails handed
 * to the provider per second beside its capacity (100 × N) — every email it got between the first and the last
 * update email (the budget is shared: signers' confirmations go first), and of them the update emails —, provider calls, duplicates, missing, how long a
 * signer's confirmation email waits when they sign mid-send, and the sign path's p50/p99 without and during the
 * send (the same load: BENCH_SIGN_CONCURRENCY clients POSTing signatures for BENCH_SIGN_SECONDS, from wrk), each beside its
 * target, and the load average before and after each run (the machine may be shared).
 *
 *   BENCH_RUNS=2,10,kill   N req/s per run; `kill`: 10 req/s, the app killed (SIGKILL, every process) mid-send
 *                          and started again; the send must finish with nobody missing and nobody twice.
 *   BENCH_MAX_SEND_SECONDS=150   a run whose send would take longer (2 req/s: 500 s for 100,000) is measured
 *                          over this long, then the update is cancelled (the rate is the steady state).
 *   BENCH_SKIP_BUILD=1 reuses the build in NEXT_DIST_DIR (default .next).
 *   BENCH_NODE_ARGS="--prof" passes node flags (space-separated) to every app process; --prof writes a V8 tick log
 *                          per process, read with `node --prof-process` (--cpu-prof writes nothing for a worker killed).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, rowsOf } from "@/db";
import { seed } from "@/db/seed";
import { adminQuery, testServerUrl, withDatabase } from "@/db/testing";
import { type ResendCapture, startResendCapture } from "@/e2e/support/resend-capture";
import { createUpdate } from "@/lib/updates/create-update";
import { cancelUpdate } from "@/lib/updates/pause-update";
import { sendUpdate } from "@/lib/updates/send-update";
import { updateCreateSchema } from "@/lib/validation/updates";
import { build, ensureTools, root, runWrk, seedSubscribers, waitFor, wrkScripts } from "../support";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
const RUNS = (process.env.BENCH_RUNS ?? "2,10,kill").split(",");
const MAX_SEND_SECONDS = Number(process.env.BENCH_MAX_SEND_SECONDS ?? 150);
const SIGN_SECONDS = Number(process.env.BENCH_SIGN_SECONDS ?? 10);
const SIGN_CONCURRENCY = Number(process.env.BENCH_SIGN_CONCURRENCY ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3601);
const secret = randomBytes(32).toString("base64url");
process.env.AUTH_SECRET = secret;
process.env.APP_URL = `http://127.0.0.1:${PORT}`;

type Latency = { p50: number; p99: number; requests: number; errors: number };
type Result = {
  label: string;
  rps: number;
  enqueueSeconds: number;
  delivered: number;
  rate: number;
  /** Every email the provider got (update emails and the signers' confirmations) per second, over the same window. */
  allRate: number;
  load: { before: number[]; after: number[] };
  requests: number;
  /** Calls whose batch carried update emails (a retried batch counts each time): the update's own cost. */
  updateRequests: number;
  limited: number;
  duplicates: number;
  missing: number | null;
  complete: boolean;
  confirmationWaitMs: number;
  signWithout: Latency;
  signDuring: Latency;
};

function startApp(url: string, capture: ResendCapture, rps: number): ChildProcess {
  // Its own process group, so a kill takes the cluster's primary and every worker at once (as a crash would).
  return spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      PORT: String(PORT),
      APP_URL: `http://127.0.0.1:${PORT}`,
      AUTH_SECRET: secret,
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: capture.url,
      RESEND_MAX_RPS: String(rps),
      MAIL_FROM: "Qoldau <noreply@qoldau.bench>",
      TRUSTED_PROXIES: "127.0.0.1/32",
    },
  });
}
const killApp = (app: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-app.pid!, signal);
  } catch {
    // already gone
  }
};
async function stopApp(app: ChildProcess) {
  if (app.exitCode !== null) return;
  const exited = new Promise((r) => app.once("exit", r));
  killApp(app, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
  killApp(app, "SIGKILL");
}

let signCounter = 0;
async function signOnce(base: string, email: string): Promise<boolean> {
  signCounter++;
  const res = await fetch(`${base}/api/v1/petitions/drop-the-charges/signatures`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
      "x-forwarded-for": `10.${(signCounter >> 16) & 255}.${(signCounter >> 8) & 255}.${signCounter & 255}`,
    },
    body: `name=Bench+Signer&locale=ru&email=${encodeURIComponent(email)}`,
    redirect: "manual",
  });
  await res.arrayBuffer();
  return res.status < 400;
}

/**
 * `SIGN_CONCURRENCY` clients signing as fast as answers come, for `SIGN_SECONDS` (wrk, bench/sign/sign.lua: a
 * process of its own, so neither the capture server nor this process's polling delays an answer it times).
 */
async function signLoad(base: string, tag: string): Promise<Latency> {
  const f = await runWrk(base, SIGN_CONCURRENCY, path.join(wrkScripts, "sign.lua"), { BENCH_PREFIX: `load-${tag}`, BENCH_SLUGS: "drop-the-charges" }, SIGN_SECONDS, 1);
  return { p50: f.p50ms, p99: f.p99ms, requests: f.requests, errors: f.errors };
}

async function run(label: string, rps: number, kill: boolean): Promise<Result> {
  const name = `qoldau_bench_fanout_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await adminQuery(`create database "${name}"`);
  const url = withDatabase(testServerUrl, name);
  const capture = await startResendCapture({ rateLimit: rps, keepBodies: false });
  const database = await openDatabase({ databaseUrl: url, migrate: true, max: 4 });
  const base = `http://127.0.0.1:${PORT}`;
  let app: ChildProcess | undefined;
  const loadBefore = os.loadavg();
  try {
    await seed(database.db);
    await seedSubscribers(database, SUBSCRIBERS);
    const [admin] = rowsOf<{ id: string; email: string }>(await database.db.execute(sql`insert into users (email, role) values ('bench-admin@example.org', 'admin') returning id, email`));
    const actor = { userId: admin!.id, email: admin!.email, role: "admin" as const };
    const [campaign] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from campaigns order by created_at limit 1`));
    const update = await createUpdate(
      database.db,
      actor,
      updateCreateSchema.parse({
        campaignId: campaign!.id,
        defaultLocale: "ru",
        title: { ru: "Суд назначен на 14 декабря", kk: "Сот 14 желтоқсанға белгіленді", en: "The trial is set for 14 December" },
        body: {
          ru: "Заседание пройдёт в **Медеуском районном суде** в 10:00.\n\n- приходите заранее\n- возьмите документы\n\n[Подробнее](https://example.org/case)",
          kk: "Отырыс **Медеу аудандық сотында** сағат 10:00-де өтеді.\n\n- ерте келіңіз\n- құжаттарыңызды алыңыз",
          en: "The hearing is at the **Medeu District Court** at 10:00.\n\n- come early\n- bring your documents",
        },
      }),
    );
    app = startApp(url, capture, rps);
    await waitFor(`${base}/api/v1/health`);
    // Warm up the sign path and the mail path, then the figures without a send.
    await signLoad(base, `warm-${name}`);
    const signWithout = await signLoad(base, `base-${name}`);
    await waitForQuiet(database);
    capture.reset();

    const started = Date.now();
    await sendUpdate(database.db, actor, { updateId: update.id, version: 1 });
    const isSub = (to: string) => to.startsWith("sub-");
    // While it runs, only a count (the capture server shares this process: copying 100,000 emails every poll
    // would take the CPU it needs); the few confirmation emails among them do not matter for a threshold.
    const stored = () => capture.stats().stored;
    // Mid-send: once the provider has had ~10 % of the update, one signer signs and we time their confirmation.
    await until(() => stored() >= Math.min(SUBSCRIBERS * 0.1, 100 * rps * 5), 600_000);
    const probe = `probe-${name}@example.org`;
    const signedAt = Date.now();
    await signOnce(base, probe);
    const confirmation = await capture.waitFor((e) => e.to[0] === probe, 60_000);
    const confirmationWaitMs = Date.parse(confirmation.receivedAt) - signedAt;
    const signDuring = await signLoad(base, `during-${name}`);

    let killed = false;
    let complete = true;
    for (;;) {
      const n = stored();
      if (kill && !killed && n >= SUBSCRIBERS * 0.4) {
        killApp(app, "SIGKILL");
        await new Promise((r) => app!.once("exit", r));
        killed = true;
        console.log(`  killed the app (SIGKILL, every process) at ~${n} emails delivered; starting it again`);
        app = startApp(url, capture, rps);
        await waitFor(`${base}/api/v1/health`);
      }
      const [u] = rowsOf<{ state: string }>(await database.db.execute(sql`select state from campaign_updates where id = ${update.id}`));
      if (u!.state === "sent") break;
      if (!kill && Date.now() - started > MAX_SEND_SECONDS * 1000) {
        const [v] = rowsOf<{ version: number }>(await database.db.execute(sql`select version from campaign_updates where id = ${update.id}`));
        await cancelUpdate(database.db, actor, { updateId: update.id, version: v!.version });
        await waitForQuiet(database);
        complete = false;
        console.log(`  measured for ${MAX_SEND_SECONDS} s, then cancelled (the whole send would take ~${Math.round(SUBSCRIBERS / (100 * rps))} s)`);
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const [fanout] = rowsOf<{ s: number }>(
      await database.db.execute(sql`select extract(epoch from (fanout_done_at - started_at))::float8 as s from campaign_updates where id = ${update.id}`),
    );
    const all = capture.emails();
    const emails = all.filter((e) => isSub(e.to[0]!));
    const times = emails.map((e) => Date.parse(e.receivedAt)).sort((a, b) => a - b);
    const inWindow = all.filter((e) => Date.parse(e.receivedAt) >= times[0]! && Date.parse(e.receivedAt) <= times.at(-1)!).length;
    const seen = new Map<string, number>();
    for (const e of emails) seen.set(e.to[0]!, (seen.get(e.to[0]!) ?? 0) + 1);
    const stats = capture.stats();
    // Handed over per second, steady state: from the first update email to the last.
    const seconds = (times.at(-1)! - times[0]!) / 1000;
    return {
      label,
      rps,
      enqueueSeconds: fanout?.s ?? Number.NaN,
      delivered: emails.length,
      rate: emails.length / Math.max(seconds, 0.001),
      allRate: inWindow / Math.max(seconds, 0.001),
      load: { before: loadBefore, after: os.loadavg() },
      requests: stats.requests,
      updateRequests: [...new Set(emails.map((e) => e.idempotencyKey).filter((k) => k !== null))].reduce((n, k) => n + (stats.requestsByKey[k!] ?? 1), 0),
      limited: stats.byStatus[429] ?? 0,
      duplicates: [...seen.values()].reduce((sum, n) => sum + n - 1, 0),
      missing: complete ? SUBSCRIBERS - seen.size : null,
      complete,
      confirmationWaitMs,
      signWithout,
      signDuring,
    };
  } finally {
    if (app) await stopApp(app);
    await database.close();
    await capture.close();
    await adminQuery(`drop database if exists "${name}" with (force)`);
  }
}

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every email in the outbox done (the warm-up's confirmations). */
async function waitForQuiet(database: Database) {
  for (let i = 0; i < 600; i++) {
    const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from email_outbox where state in ('queued', 'batched')`));
    if (row!.n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main() {
  ensureTools({ wrk: "wrk" });
  build();
  const results: Result[] = [];
  for (const r of RUNS) {
    const kill = r === "kill";
    const rps = kill ? 10 : Number(r);
    const label = kill ? "10 req/s, app killed mid-send" : `${rps} req/s`;
    console.log(`run: ${label}`);
    results.push(await run(label, rps, kill));
  }
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim();
  const loads = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(", ");
  console.log(
    `\nQoldau fan-out benchmark — one update to ${SUBSCRIBERS} confirmed subscribers, npm start on PostgreSQL (${os.availableParallelism()} cores), resend SDK → capture server enforcing N req/s, ${new Date().toISOString()}, commit ${commit}`,
  );
  for (const r of results) {
    const capacity = 100 * r.rps;
    console.log(
      `${r.label.padEnd(30)} enqueued all in ${Number.isFinite(r.enqueueSeconds) ? `${r.enqueueSeconds.toFixed(1)} s` : "— (cancelled first)"} (target < 30 s)` +
        `   provider got ${r.allRate.toFixed(0)} emails/s vs capacity ${capacity}/s (${r.rps} req/s × 100): ratio ${(r.allRate / capacity).toFixed(2)} (target ≥ 0.9), of which update emails ${r.rate.toFixed(0)}/s (${(r.rate / capacity).toFixed(2)})` +
        `\n${"".padEnd(30)} provider calls ${r.requests}, of them ${r.updateRequests} with update emails (target ≤ ${Math.ceil(SUBSCRIBERS / 100 * 1.01)} for a whole send) (429s ${r.limited})   update emails delivered ${r.delivered}   duplicates ${r.duplicates}   missing ${r.missing ?? "n/a (cancelled)"}` +
        `\n${"".padEnd(30)} confirmation mid-send left after ${ms(r.confirmationWaitMs)} (target ≤ 5000 ms)   sign p50/p99 without ${ms(r.signWithout.p50)}/${ms(r.signWithout.p99)}` +
        ` (${r.signWithout.requests} req, ${r.signWithout.errors} errors), during ${ms(r.signDuring.p50)}/${ms(r.signDuring.p99)} (${r.signDuring.requests} req, ${r.signDuring.errors} errors): p99 ${(r.signDuring.p99 / r.signWithout.p99).toFixed(2)}× (target ≤ 2×)` +
        `\n${"".padEnd(30)} load average before ${loads(r.load.before)}, after ${loads(r.load.after)}`,
    );
  }
  console.log(`\nrerun: BENCH_SUBSCRIBERS=${SUBSCRIBERS} BENCH_RUNS=${RUNS.join(",")} BENCH_MAX_SEND_SECONDS=${MAX_SEND_SECONDS} BENCH_SKIP_BUILD=1 npm run bench:fanout`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
