/**
 * npm run bench:direct — what answering the signature POST outside Next's request machinery
 * (scripts/direct-routes.mjs) is worth: `npm start` on PostgreSQL (one process per core, JOBS=off), one hot
 * petition, wrk at BENCH_CONNECTIONS (64), BENCH_SECONDS (10) per run; first with DIRECT_ROUTES=off (every request
 * through Next), then on; the framework's floor (GET /api/v1/health, a no-op route through Next) in each; and
 * that every signature answered 2xx is stored, in both. BENCH_SKIP_BUILD=1 reuses the build.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { startJobs } from "@/lib/jobs/boss";
import { benchDatabase, build, ensureTools, runWrk, serve, stopServer, wrkScripts } from "../support";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const PORT = Number(process.env.BENCH_PORT ?? 3711);

async function main() {
  ensureTools({ wrk: "wrk" });
  build();
  const base = `http://127.0.0.1:${PORT}`;
  const { url, database, drop } = await benchDatabase("direct", 2);
  const rows: string[] = [];
  const signatureCount = async () => rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from signatures`))[0]?.n ?? 0;
  try {
    const jobs = await startJobs(database); // pg-boss's schema and queues
    await jobs.stop();
    for (const direct of ["off", "on"]) {
      const server = await serve(PORT, {
        DATABASE_URL: url,
        APP_URL: base,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        DEV_MAILBOX: "1",
        JOBS: "off",
        DIRECT_ROUTES: direct,
        TRUSTED_PROXIES: "127.0.0.1/32", // sign.lua gives each signature its own client address
      });
      try {
        const prefix = `direct-${direct}-${Date.now()}`;
        await runWrk(base, 16, path.join(wrkScripts, "sign.lua"), { BENCH_PREFIX: `${prefix}-warm` }, 3);
        const before = await signatureCount();
        const sign = await runWrk(base, CONNECTIONS, path.join(wrkScripts, "sign.lua"), { BENCH_PREFIX: prefix }, SECONDS);
        const floor = await runWrk(base, CONNECTIONS, path.join(wrkScripts, "get.lua"), { BENCH_PATH: "/api/v1/health" }, SECONDS);
        const stored = (await signatureCount()) - before;
        const acknowledged = sign.requests - sign.errors;
        if (stored < acknowledged) throw new Error(`DIRECT_ROUTES=${direct}: ${acknowledged} signatures answered 2xx, only ${stored} stored`);
        rows.push(
          `DIRECT_ROUTES=${direct.padEnd(3)}  sign ${sign.rps.toFixed(0).padStart(5)} req/s  p50 ${sign.p50ms.toFixed(1).padStart(6)} ms  p99 ${sign.p99ms.toFixed(1).padStart(6)} ms  errors ${sign.errors}` +
            `   no-op route (Next) ${floor.rps.toFixed(0).padStart(5)} req/s   sign / no-op ${(sign.rps / floor.rps).toFixed(2)}   (${acknowledged} answered 2xx, ${stored} stored)`,
        );
      } finally {
        await stopServer(server);
      }
    }
  } finally {
    await drop();
  }
  console.log(`\nQoldau sign path, Next vs direct — npm start, ${os.availableParallelism()} cores, one process per core, PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s per run, ${new Date().toISOString()}`);
  for (const row of rows) console.log(row);
  console.log(`\nrerun: BENCH_SECONDS=${SECONDS} BENCH_CONNECTIONS=${CONNECTIONS} BENCH_SKIP_BUILD=1 npm run bench:direct`);
  process.exit(0);
}
void main();
