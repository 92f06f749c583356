/**
 * Signing benchmark: the HTTP sign path on `next start` with PostgreSQL, one app process per core,
 * against the framework's own floor (a dynamic no-op route) and the bare SQL of one signature (pgbench).
 *
 *   npm run bench:sign                      # BENCH_SECONDS=15 BENCH_SKIP_BUILD=1 BENCH_PROCESSES=<cores>
 *
 * Needs: PostgreSQL on 127.0.0.1:5432 (TEST_PG_URL), wrk and pgbench (apt-get install wrk postgresql-client).
 * Web processes run with JOBS=off: the confirmation jobs are committed with each signature and wait for
 * mail workers (any process with JOBS=on), so the figures are the request path alone.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { startJobs } from "@/lib/jobs/boss";
import { writeBareStatementScript } from "./bare-statement";
import {
  benchDatabase,
  build,
  ensureTools,
  type Figures,
  pendingTokens,
  root,
  runPgbench,
  runWrk as runWrkAt,
  stopServer,
  tokenFiles,
  waitFor,
} from "../support";

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const processes = Number(process.env.BENCH_PROCESSES ?? os.cpus().length);
const basePort = Number(process.env.BENCH_PORT ?? 3501);
const hot = "drop-the-charges";
// The servers and this process share the secret, so the bench can make confirmation links.
const secret = randomBytes(32).toString("base64url");
process.env.AUTH_SECRET = secret;
const confirmTokensPerProcess = Number(process.env.BENCH_CONFIRM_TOKENS ?? 40_000);

async function main() {
  ensureTools({ wrk: "wrk", pgbench: "postgresql-client" });
  build();
  const { url, database, drop } = await benchDatabase("sign");
  const servers: ChildProcess[] = [];
  try {
    const spread = Array.from({ length: 100 }, (_, i) => `bench-${String(i + 1).padStart(3, "0")}`);
    await database.db.execute(sql`
      insert into petitions (campaign_id, slug, state, target, title, summary, body, goal, published_at)
      select (select id from campaigns limit 1), s, 'published', t, t, t, t, 1000, now()
      from unnest(${sql.raw(`array[${spread.map((s) => `'${s}'`).join(",")}]`)}) as s,
           (select '{"ru":"b","kk":"b","en":"b"}'::jsonb as t) x`);
    const jobs = await startJobs(database); // creates pg-boss's schema and queues before pgbench uses them
    await jobs.stop();

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      APP_URL: `http://127.0.0.1:${basePort}`,
      AUTH_SECRET: secret,
      DEV_MAILBOX: "1",
      JOBS: "off",
      TRUSTED_PROXIES: "127.0.0.1/32", // sign.lua gives each signature its own client address
    };
    const ports = Array.from({ length: processes }, (_, i) => basePort + i);
    for (const port of ports) {
      servers.push(
        spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(port)], {
          cwd: root,
          env: { ...env, PORT: String(port) },
          stdio: ["ignore", "ignore", "inherit"],
        }),
      );
    }
    for (const port of ports) await waitFor(`http://127.0.0.1:${port}/api/v1/health`, 60_000);

    const wrk = (c: number, script: string, extra: Record<string, string>, duration = seconds) =>
      runWrk(ports, c, script, extra, duration);
    const signScript = path.join(__dirname, "sign.lua");
    const getScript = path.join(__dirname, "get.lua");

    console.log(`warming up (${processes} processes) …`);
    await wrk(16, getScript, { BENCH_PATH: "/api/v1/health" }, 3);
    await wrk(16, signScript, { BENCH_SLUGS: hot, BENCH_PREFIX: `warm-${Date.now()}` }, 3);
    await wrk(16, getScript, { BENCH_PATH: `/ru/petitions/${hot}` }, 3);

    const results: Record<string, Figures> = {};
    for (const c of [32, 64]) {
      results[`no-op route, ${c} conns`] = await wrk(c, getScript, { BENCH_PATH: "/api/v1/health" });
      results[`sign (hot petition), ${c} conns`] = await wrk(c, signScript, { BENCH_SLUGS: hot, BENCH_PREFIX: `hot${c}-${Date.now()}` });
    }
    results["sign (100 petitions), 64 conns"] = await wrk(64, signScript, {
      BENCH_SLUGS: spread.join(","),
      BENCH_PREFIX: `spread-${Date.now()}`,
    });
    results["petition page GET, 32 conns"] = await wrk(32, getScript, { BENCH_PATH: `/ru/petitions/${hot}` });

    // Confirmations: where the count is written. One hot petition against the same load over 100.
    const confirmScript = path.join(__dirname, "confirm.lua");
    for (const [label, slugs] of [["hot petition", [hot]], ["100 petitions", spread]] as const) {
      const tag = `confirm-${label.replace(/\W/g, "")}`;
      const files = tokenFiles(await pendingTokens(database, slugs, confirmTokensPerProcess * ports.length, tag), ports.length, tag);
      results[`confirm (${label}), 64 conns`] = await wrk(64, confirmScript, { BENCH_TOKENS_FILES: files.join(",") });
    }

    const bare = runPgbench(url, await writeBareStatementScript(hot), 32, seconds);
    const bareMinimal = runPgbench(url, path.join(__dirname, "bare-signature.sql"), 32, seconds);
    const [stored] = rowsOf<{ signatures: number; jobs: number; confirmed: number; counted: number }>(
      await database.db.execute(
        sql`select (select count(*) from signatures where email_index not like 'pgbench-%' and email_index not like 'confirm-%')::int as signatures,
                   (select count(*) from email_outbox where kind = 'signature-confirmation')::int as jobs,
                   (select count(*) from signatures where state = 'confirmed')::int as confirmed,
                   (select coalesce(sum(confirmed), 0) from petition_count_shards)::int as counted`,
      ),
    );
    await database.close();

    const accepted = Object.entries(results)
      .filter(([k]) => k.startsWith("sign ("))
      .reduce((n, [, f]) => n + f.requests - f.errors, 0);
    print(results, bare, bareMinimal, { accepted, stored: stored?.signatures ?? 0, confirmed: stored?.confirmed ?? 0, counted: stored?.counted ?? 0 });
  } finally {
    await Promise.all(servers.map((s) => stopServer(s)));
    await drop();
  }
}

function print(
  results: Record<string, Figures>,
  bareTps: number,
  bareMinimalTps: number,
  check: { accepted: number; stored: number; confirmed: number; counted: number },
) {
  const row = (k: string, f: Figures) =>
    `${k.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${f.p50ms.toFixed(1).padStart(6)} ms   p99 ${f.p99ms.toFixed(1).padStart(7)} ms   errors ${f.errors}`;
  console.log(`\nQoldau signing benchmark — ${os.cpus().length} cores, ${processes} app processes, ${seconds} s per run, ${new Date().toISOString()}`);
  for (const [k, f] of Object.entries(results)) console.log(row(k, f));
  console.log(`${"bare SQL of a signature (pgbench)".padEnd(34)} ${bareTps.toFixed(0).padStart(7)} tps     (the app's statement, 32 clients, prepared)`);
  console.log(`${"bare SQL, minimal insert + outbox".padEnd(34)} ${bareMinimalTps.toFixed(0).padStart(7)} tps     (bare-signature.sql, 32 clients, prepared)`);
  const sign64 = results["sign (hot petition), 64 conns"]!;
  const noop64 = results["no-op route, 64 conns"]!;
  const spread64 = results["sign (100 petitions), 64 conns"]!;
  const sign32 = results["sign (hot petition), 32 conns"]!;
  const noop32 = results["no-op route, 32 conns"]!;
  console.log("\nratios");
  console.log(`  sign / no-op route      32 conns ${(sign32.rps / noop32.rps).toFixed(2)}   64 conns ${(sign64.rps / noop64.rps).toFixed(2)}   (target ≥ 0.5)`);
  console.log(`  sign / bare SQL         32 conns ${(sign32.rps / bareTps).toFixed(2)}   64 conns ${(sign64.rps / bareTps).toFixed(2)}   (target ≥ 0.25; minimal insert: ${(sign64.rps / bareMinimalTps).toFixed(2)})`);
  console.log(`  hot / 100 petitions     64 conns ${(sign64.rps / spread64.rps).toFixed(2)}   (target ≥ 0.9)`);
  const confirmHot = results["confirm (hot petition), 64 conns"]!;
  const confirmSpread = results["confirm (100 petitions), 64 conns"]!;
  console.log(`  confirm hot / 100       64 conns ${(confirmHot.rps / confirmSpread.rps).toFixed(2)}   (sharded count: no hot row)`);
  console.log(`\nnothing lost: ${check.accepted} signatures answered 2xx, ${check.stored} stored (incl. warm-up) with as many confirmation jobs`);
  console.log(`counts: ${check.confirmed} confirmed signatures, ${check.counted} in the sharded count${check.confirmed === check.counted ? " (equal)" : " — MISMATCH"}`);
  console.log(`\nrerun: BENCH_SECONDS=${seconds} BENCH_PROCESSES=${processes} BENCH_SKIP_BUILD=1 npm run bench:sign`);
}

function runWrk(ports: number[], connections: number, script: string, extra: Record<string, string>, duration: number): Promise<Figures> {
  return runWrkAt(
    ports.map((port) => `http://127.0.0.1:${port}`),
    connections,
    script,
    extra,
    duration,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
