/**
 * Production-like run (issue 9, item 4): Debian's nginx (installed with apt-get when missing) in front of two app
 * processes (`npm start` with WEB_CONCURRENCY=1 each, as two containers would run) on one PostgreSQL, with
 * TRUSTED_PROXIES naming nginx and mail going to the Resend capture server (e2e/support/resend-capture.ts).
 * Visitors read the petition page and the count JSON (wrk), supporters sign and confirm (fetch), all through
 * nginx; halfway through, one app process is killed (SIGKILL) and started again a few seconds later.
 * Then it checks: no read failed (nginx retries GETs on the other process), every acknowledged signature is stored
 * and got its confirmation email, the count equals the confirmed signatures.
 *
 *   npm run bench:nginx          # BENCH_SECONDS=20 BENCH_SKIP_BUILD=1 BENCH_PORT=3700 BENCH_SIGN_RATE=40
 */
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { startJobs } from "@/lib/jobs/boss";
import { openOr } from "@/db/personal-data";
import { startResendCapture } from "../../e2e/support/resend-capture";
import { benchDatabase, build, confirmedCount, ensureTools, loadAverage, pendingTokens, row, runWrk, serve, stopServer, waitFor, wrkScripts } from "../support";

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const nginxPort = Number(process.env.BENCH_PORT ?? 3700);
const appPorts = [nginxPort + 1, nginxPort + 2];
const base = `http://127.0.0.1:${nginxPort}`;
const signRate = Number(process.env.BENCH_SIGN_RATE ?? 40);
const hot = "drop-the-charges";
const secret = randomBytes(32).toString("base64url");
process.env.AUTH_SECRET = secret;

type Tally = { sent: number; ok: number; statuses: Record<string, number> };

/** `concurrency` loops, `rate` requests a second in all, until `until`; `make(i)` gives a request, `ok` judges the answer. */
async function drive(rate: number, concurrency: number, until: number, make: (i: number) => { url: string; body: string } | null, onOk: (i: number) => void): Promise<Tally> {
  const tally: Tally = { sent: 0, ok: 0, statuses: {} };
  let next = 0;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const i = next++;
        const due = start + (i * 1000) / rate;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        const request = make(i);
        if (!request) return;
        tally.sent++;
        let status = "error";
        try {
          const res = await fetch(`${base}${request.url}`, {
            method: "POST",
            // Each request speaks for a supporter of its own (nginx appends the bench's own address, a trusted
            // proxy): one client signing 1,000 times would rightly be shadow-banned by the per-client limits.
            headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
            body: request.body,
            signal: AbortSignal.timeout(15_000),
          });
          await res.arrayBuffer();
          status = String(res.status);
          if (res.ok) {
            tally.ok++;
            onOk(i);
          }
        } catch {
          // connection reset by a dying process: not acknowledged
        }
        tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
      }
    }),
  );
  return tally;
}

async function main() {
  ensureTools({ wrk: "wrk", nginx: "nginx" });
  build();
  const startedLoad = loadAverage();
  const { url, database, drop } = await benchDatabase("nginx");
  const capture = await startResendCapture();
  const servers: (ChildProcess | undefined)[] = [];
  let nginx: ChildProcess | undefined;
  const prefix = mkdtempSync(path.join(os.tmpdir(), "qoldau-nginx-"));
  try {
    const jobs = await startJobs(database);
    await jobs.stop();
    const confirmLinks = await pendingTokens(database, [hot], Math.ceil(signRate * seconds), "nginx-confirm");

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      APP_URL: base,
      AUTH_SECRET: secret,
      RESEND_API_KEY: "re_bench_key",
      RESEND_BASE_URL: capture.url,
      MAIL_FROM: "Qoldau <noreply@qoldau.test>",
      TRUSTED_PROXIES: "127.0.0.1/32",
      WEB_CONCURRENCY: "1",
      JOBS: "on",
    };
    delete env.DEV_MAILBOX;
    const start = async (i: number) => (servers[i] = await serve(appPorts[i]!, env));
    await Promise.all([start(0), start(1)]);

    // nginx as the bench's child, everything it writes under its own prefix (its workers run as nobody).
    for (const dir of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(prefix, dir), { mode: 0o777 });
    chmodSync(prefix, 0o755);
    const conf = readFileSync(path.join(__dirname, "nginx.conf.template"), "utf8")
      .replaceAll("@PREFIX@", prefix)
      .replaceAll("@LISTEN@", `127.0.0.1:${nginxPort}`)
      .replaceAll("@APP1@", `127.0.0.1:${appPorts[0]}`)
      .replaceAll("@APP2@", `127.0.0.1:${appPorts[1]}`);
    writeFileSync(path.join(prefix, "nginx.conf"), conf);
    nginx = spawn("nginx", ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
    await waitFor(`${base}/api/health`);
    const health = (await (await fetch(`${base}/api/health`)).json()) as { status: string };
    console.log(`nginx on ${base} in front of ${appPorts.map((p) => `127.0.0.1:${p}`).join(" and ")}; /api/health through nginx: ${health.status}`);

    // Warm both processes' caches and renders, then the proxy's own cost, nothing else running: the petition page
    // straight from one process, and through nginx (which spreads it over both).
    const getLua = path.join(wrkScripts, "get.lua");
    await runWrk(base, 8, getLua, { BENCH_PATH: `/ru/petitions/${hot}` }, 2);
    const quietSeconds = Math.max(3, Math.round(seconds / 4));
    const direct = await runWrk(`http://127.0.0.1:${appPorts[1]}`, 32, getLua, { BENCH_PATH: `/ru/petitions/${hot}`, BENCH_HOST: new URL(base).host }, quietSeconds);
    const proxied = await runWrk(base, 32, getLua, { BENCH_PATH: `/ru/petitions/${hot}` }, quietSeconds);

    const until = Date.now() + seconds * 1000;
    const tag = `nginx-${Date.now()}`;
    const acknowledged: string[] = [];
    const reads = runWrk(base, 32, path.join(wrkScripts, "get.lua"), { BENCH_PATH: `/ru/petitions/${hot}` }, seconds);
    const countReads = runWrk(base, 8, path.join(wrkScripts, "get.lua"), { BENCH_PATH: `/api/v1/petitions/${hot}` }, seconds, 1);
    const emailOf = (i: number) => `${tag}-${i}@example.org`;
    const signing = drive(signRate, 8, until, (i) => ({ url: `/api/v1/petitions/${hot}/signatures`, body: `name=Bench+Signer&locale=ru&email=${encodeURIComponent(emailOf(i))}` }), (i) => acknowledged.push(emailOf(i)));
    const confirming = drive(signRate, 4, until, (i) => (confirmLinks[i] ? { url: "/api/v1/signatures/confirm", body: `locale=ru&token=${confirmLinks[i]}` } : null), () => {});
    const killer = (async () => {
      await new Promise((r) => setTimeout(r, (seconds * 1000) / 2));
      const victim = servers[0]!;
      const killedAt = Date.now();
      victim.kill("SIGKILL");
      await new Promise((r) => victim.once("exit", r));
      console.log(`killed the process on port ${appPorts[0]} (SIGKILL) at ${seconds / 2} s; starting it again in 3 s`);
      await new Promise((r) => setTimeout(r, 3000));
      await start(0);
      return (Date.now() - killedAt) / 1000;
    })();
    const [page, count, signed, confirmed, backAfter] = await Promise.all([reads, countReads, signing, confirming, killer]);

    // Every acknowledged signature is stored and gets its email (a job the dead process held is retried after
    // its expiry, with the same idempotency key).
    const waitStarted = Date.now();
    const pendingMail = new Set(acknowledged);
    const deadline = Date.now() + Number(process.env.BENCH_MAIL_WAIT_SECONDS ?? 240) * 1000;
    while (pendingMail.size > 0 && Date.now() < deadline) {
      for (const email of capture.emails()) for (const to of email.to) pendingMail.delete(to);
      if (pendingMail.size) await new Promise((r) => setTimeout(r, 500));
    }
    const mailSeconds = (Date.now() - waitStarted) / 1000;
    const delivered = capture.emails().filter((e) => e.to.some((to) => to.startsWith(tag)));
    const perRecipient = new Map<string, number>();
    for (const e of delivered) for (const to of e.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const duplicates = [...perRecipient.values()].filter((n) => n > 1).length;
    // Addresses are sealed: the bench's own signers are told apart by opening them (no plaintext to match in SQL).
    const stored = {
      n: rowsOf<{ email: string }>(await database.db.execute(sql`select email_sealed as email from signatures where email_sealed is not null`))
        .filter((r) => openOr("signatures.email", r.email).startsWith(`${tag}-`)).length,
    };
    const [truth] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from signatures s join petitions p on p.id = s.petition_id where p.slug = ${hot} and s.state = 'confirmed'`),
    );
    const counted = await confirmedCount(database, hot);
    await database.close();

    const pageOk = page.errors === 0 && count.errors === 0;
    const mailOk = pendingMail.size === 0;
    console.log(`\nQoldau behind nginx — ${os.availableParallelism()} cores, nginx + 2 app processes (WEB_CONCURRENCY=1 each), PostgreSQL, ${seconds} s, ${new Date().toISOString()}`);
    console.log(`load average before: ${startedLoad}; after: ${loadAverage()}`);
    console.log(`before the run, nothing else running (${quietSeconds} s each):`);
    console.log(row("  petition page GET, one process direct", direct, 44));
    console.log(row("  petition page GET via nginx (two)", proxied, 44));
    console.log(`during the run (sign, confirm, mail, one process killed):`);
    console.log(row("petition page GET via nginx, 32 conns", page, 44));
    console.log(row("count JSON GET via nginx, 8 conns", count, 44));
    console.log(`${"sign POST via nginx".padEnd(44)} ${signed.ok} acknowledged of ${signed.sent} sent (${JSON.stringify(signed.statuses)})`);
    console.log(`${"confirm POST via nginx".padEnd(44)} ${confirmed.ok} confirmed of ${confirmed.sent} sent (${JSON.stringify(confirmed.statuses)})`);
    console.log(`killed process back behind nginx after ${backAfter.toFixed(1)} s`);
    console.log("\nchecks");
    console.log(`  reads through the kill              ${pageOk ? "ok" : "FAILED"}: ${page.errors + count.errors} failed GETs (nginx retries them on the other process)`);
    console.log(`  acknowledged signatures stored      ${stored!.n >= acknowledged.length ? "ok" : "FAILED"}: ${acknowledged.length} acknowledged, ${stored!.n} stored`);
    console.log(`  each got its confirmation email     ${mailOk ? "ok" : "FAILED"}: ${acknowledged.length - pendingMail.size} of ${acknowledged.length}, all in ${mailSeconds.toFixed(1)} s after the run; ${duplicates} addresses mailed twice`);
    console.log(`  count = confirmed signatures        ${counted === truth!.n ? "ok" : "FAILED"}: ${counted} counted, ${truth!.n} confirmed`);
    console.log(`\nrerun: BENCH_SECONDS=${seconds} BENCH_SIGN_RATE=${signRate} BENCH_SKIP_BUILD=1 npm run bench:nginx`);
    if (!pageOk || !mailOk || stored!.n < acknowledged.length || counted !== truth!.n) process.exitCode = 1;
  } finally {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once("exit", r));
      nginx.kill("SIGQUIT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (nginx.exitCode === null) nginx.kill("SIGKILL");
    }
    await Promise.all(servers.map((s) => stopServer(s)));
    await capture.close();
    rmSync(prefix, { recursive: true, force: true });
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
