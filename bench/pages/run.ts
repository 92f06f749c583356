/**
 * Read-path benchmark (issue 9): `npm start` on PostgreSQL with one process per core, in one run —
 *   - a static asset, the petition page, the home page and the count JSON at 64 connections, each against the
 *     static asset;
 *   - the petition page and its count JSON on petitions with 10k and 1M confirmed signatures (seeded by SQL), the
 *     page twice at each size in the order 10k, 1M, 1M, 10k (a drifting machine weighs on both alike);
 *   - sign and confirm through `npm start` against the bare SQL of each (pgbench);
 *   - throughout, a probe confirming a signature every 1.5 s and timing until the count JSON and the page show it.
 *
 *   npm run bench:pages          # BENCH_SECONDS=10 BENCH_SKIP_BUILD=1 BENCH_PORT=3601
 *
 * Needs PostgreSQL on 127.0.0.1:5432 (TEST_PG_URL), wrk and pgbench (installed with apt-get when missing).
 * The server runs with JOBS=off: the confirmation emails' jobs are committed with each signature and would be
 * sent by any process with workers (bench/nginx runs them), so the figures are the request path alone.
 */
import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { startJobs } from "@/lib/jobs/boss";
import { writeBareStatementScript } from "../sign/bare-statement";
import {
  benchDatabase,
  build,
  createPetition,
  ensureTools,
  type Figures,
  freshnessProbe,
  loadAverage,
  benchSealed,
  pendingTokens,
  row,
  runPgbench,
  runWrk,
  seedConfirmed,
  serve,
  stopServer,
  tokenFiles,
  wrkScripts,
} from "../support";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3601);
const base = `http://127.0.0.1:${port}`;
const hot = "drop-the-charges";
const at10k = "bench-10k";
const at1m = "bench-1m";
const secret = randomBytes(32).toString("base64url");
process.env.AUTH_SECRET = secret;

async function main() {
  ensureTools({ wrk: "wrk", pgbench: "postgresql-client" });
  build();
  const startedLoad = loadAverage();
  const { url, database, drop } = await benchDatabase("pages", 4);
  let server: ChildProcess | undefined;
  try {
    await createPetition(database, at10k);
    await createPetition(database, at1m);
    let t = Date.now();
    await seedConfirmed(database, at10k, 10_000);
    await seedConfirmed(database, at1m, Number(process.env.BENCH_BIG ?? 1_000_000)); // (smaller only to try the script out)
    console.log(`seeded 10k + 1M confirmed signatures by SQL in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const jobs = await startJobs(database); // pg-boss's schema and queues, before pgbench writes jobs
    await jobs.stop();
    // Links for the probe (a few hundred per petition) and for the confirm runs (enough for 10 s of each).
    const probeTokens = new Map<string, string[]>();
    for (const slug of [hot, at10k, at1m]) probeTokens.set(slug, await pendingTokens(database, [slug], 200, `probe-${slug}`));
    const confirmFiles = tokenFiles(await pendingTokens(database, [hot], Number(process.env.BENCH_CONFIRM_TOKENS ?? 30_000), "confirm"), 2, "confirm");
    // Bare SQL of a confirmation: pending rows pgbench can find by token hash ('pgc-<n>').
    const pgConfirmRows = 200_000;
    await database.db.execute(
      sql`
        insert into signatures (petition_id, email_index, email_sealed, name_sealed, email_domain, locale, token_nonce, token_hash, token_expires_at, confirmation_emails_sent)
        select p.id, 'pgc-' || i, ${benchSealed("Bench Signer").email}, ${benchSealed("Bench Signer").name}, 'example.org', 'ru', 'pgc-' || i, 'pgc-' || i, now() + interval '1 day', 1
        from petitions p, generate_series(1, ${pgConfirmRows}::int) as i where p.slug = ${hot}`,
    );

    t = Date.now();
    server = await serve(port, {
      DATABASE_URL: url,
      APP_URL: base,
      AUTH_SECRET: secret,
      DEV_MAILBOX: "1",
      JOBS: "off",
      TRUSTED_PROXIES: "127.0.0.1/32", // sign.lua gives each signature its own client address
    });
    console.log(`npm start: ${os.availableParallelism()} processes (one per core) answering in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const get = path.join(wrkScripts, "get.lua");
    const read = (p: string, c = 64, d = seconds) => runWrk(base, c, get, { BENCH_PATH: p }, d);
    console.log("warming up …");
    for (const p of ["/styles.css", "/ru", `/ru/petitions/${hot}`, `/api/v1/petitions/${hot}`, `/ru/petitions/${at10k}`, `/ru/petitions/${at1m}`]) {
      await read(p, 16, 2);
    }

    const probe = freshnessProbe({ base, database, tokens: probeTokens });
    const results: Record<string, Figures> = {};
    probe.focus([hot]);
    results["static asset (/styles.css)"] = await read("/styles.css");
    results["petition page"] = await read(`/ru/petitions/${hot}`);
    results["home page"] = await read("/ru");
    results["count JSON"] = await read(`/api/v1/petitions/${hot}`);
    // The two sizes in the order 10k, 1M, 1M, 10k (each figure the mean of its two runs): a machine that drifts
    // during the bench (another process, a checkpoint) weighs on both alike, not on whichever ran second.
    probe.focus([at10k, at1m]);
    const page10k = await read(`/ru/petitions/${at10k}`);
    const page1m = await read(`/ru/petitions/${at1m}`);
    const page1mAgain = await read(`/ru/petitions/${at1m}`);
    const page10kAgain = await read(`/ru/petitions/${at10k}`);
    results["petition page, 10k signatures"] = meanOf(page10k, page10kAgain);
    results["count JSON, 10k signatures"] = await read(`/api/v1/petitions/${at10k}`);
    results["petition page, 1M signatures"] = meanOf(page1m, page1mAgain);
    results["count JSON, 1M signatures"] = await read(`/api/v1/petitions/${at1m}`);
    probe.focus([hot, at1m]);
    results["sign (hot petition)"] = await runWrk(base, 64, path.join(wrkScripts, "sign.lua"), { BENCH_SLUGS: hot, BENCH_PREFIX: `sign-${Date.now()}` }, seconds);
    results["confirm (hot petition)"] = await runWrk(base, 64, path.join(wrkScripts, "confirm.lua"), { BENCH_TOKENS_FILES: confirmFiles.join(",") }, seconds);
    const fresh = await probe.stop();
    await stopServer(server);
    server = undefined;

    // The bare SQL with the app stopped, as bench/sign does: the same PostgreSQL, the same 2 cores.
    // The reference is the app's own statement (captured from db/queries/signatures.ts: limits, outbox, duplicate
    // re-send); the minimal insert + outbox row is printed beside it.
    const bareSign = runPgbench(url, await writeBareStatementScript(hot), 32, seconds);
    const bareMinimal = runPgbench(url, path.join(wrkScripts, "bare-signature.sql"), 32, seconds);
    const bareConfirm = runPgbench(url, path.join(__dirname, "bare-confirm.sql"), 32, seconds);
    await database.close();

    const s = results["static asset (/styles.css)"]!;
    const ratio = (f: Figures) => (f.rps / s.rps).toFixed(2);
    console.log(
      `\nQoldau read-path benchmark — npm start, ${os.availableParallelism()} cores, one process per core, PostgreSQL, ${seconds} s per run, 64 connections, ${new Date().toISOString()}`,
    );
    console.log(`load average before: ${startedLoad}; after: ${loadAverage()}`);
    for (const [k, f] of Object.entries(results)) {
      console.log(`${row(k, f)}${k.startsWith("s") && k.includes("asset") ? "" : k.startsWith("sign") || k.startsWith("confirm") ? "" : `   ${ratio(f)} × static`}`);
    }
    console.log(`${"bare SQL of a signature (pgbench)".padEnd(40)} ${bareSign.toFixed(0).padStart(7)} tps     (the app's statement, 32 clients, prepared, app stopped)`);
    console.log(`${"bare SQL, minimal insert + outbox row".padEnd(40)} ${bareMinimal.toFixed(0).padStart(7)} tps     (bench/sign/bare-signature.sql, same)`);
    console.log(`${"bare SQL of a confirmation (pgbench)".padEnd(40)} ${bareConfirm.toFixed(0).padStart(7)} tps     (32 clients, prepared, app stopped)`);
    const page = results["petition page"]!;
    const p10k = results["petition page, 10k signatures"]!;
    const p1m = results["petition page, 1M signatures"]!;
    console.log("\ntargets");
    console.log(`  petition page / static asset        ${ratio(page)}   p99 ${page.p99ms.toFixed(0)} ms   (target ≥ 0.5, p99 < 100 ms)`);
    console.log(`  petition page 1M / 10k signatures   ${(p1m.rps / p10k.rps).toFixed(2)}   p99 ${p10k.p99ms.toFixed(0)} → ${p1m.p99ms.toFixed(0)} ms   (flat: ≈ 1)`);
    console.log(`  sign / bare SQL                     ${(results["sign (hot petition)"]!.rps / bareSign).toFixed(2)}   (target ≥ 0.25; against the minimal insert ${(results["sign (hot petition)"]!.rps / bareMinimal).toFixed(2)})`);
    console.log(`  confirm / bare SQL                  ${(results["confirm (hot petition)"]!.rps / bareConfirm).toFixed(2)}`);
    console.log(
      `  count fresh within 5 s              ${fresh.failures.length === 0 ? "yes" : "NO"}: ${fresh.probes} confirmations probed, ` +
        `shown in the JSON after median ${fresh.medianJson} ms / worst ${fresh.worstJson} ms, on the page after median ${fresh.medianPage} ms / worst ${fresh.worstPage} ms`,
    );
    for (const f of fresh.failures.slice(0, 10)) console.log(`    ${f}`);
    console.log(`\nrerun: BENCH_SECONDS=${seconds} BENCH_SKIP_BUILD=1 npm run bench:pages`);
    if (fresh.failures.length) process.exitCode = 1;
  } finally {
    await stopServer(server);
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** Two runs of one endpoint as one figure: mean throughput and p50, the worse p99, every request and error. */
function meanOf(a: Figures, b: Figures): Figures {
  return { rps: (a.rps + b.rps) / 2, requests: a.requests + b.requests, errors: a.errors + b.errors, p50ms: (a.p50ms + b.p50ms) / 2, p99ms: Math.max(a.p99ms, b.p99ms) };
}
