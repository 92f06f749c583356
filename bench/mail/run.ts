/**
 * npm run bench:mail — the mail pipeline against a stand-in for Resend that enforces N requests/s (429 with
 * retry-after beyond it, like Resend). For each run: a fresh database on local PostgreSQL, P sender processes
 * (each what an app process runs, lib/email/sender.ts, with RESEND_MAX_RPS=N), then a signing burst of
 * BENCH_EMAILS signatures whose confirmation emails are enqueued in the signing statements (100 per
 * statement, as the sign path's group commit does). Prints emails delivered per second beside the provider's
 * capacity (100 × N), provider requests, 429s, the most requests the provider accepted in any second,
 * duplicates, missing, and the delay from signature to delivery.
 * BENCH_RUNS: "2x1,2x2,10x1,10x2,kill" (rps × processes; kill = 10 req/s, 2 processes, one killed with
 * SIGKILL midway and restarted).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { open } from "@/db/personal-data";
import { type NewSignature, insertPendingSignaturesWithEmails } from "@/db/queries/signatures";
import { startResendCapture } from "@/e2e/support/resend-capture";
import { benchDatabase } from "../support";
import { hashToken, newNonce as newTokenNonce } from "@/lib/confirmations/tokens";
import { priorityOf } from "@/lib/email/kinds";
import { locales } from "@/lib/i18n/locales";
import { tokenFromNonce } from "@/lib/signatures/tokens";

const EMAILS = Number(process.env.BENCH_EMAILS ?? 20_000);
const RUNS = (process.env.BENCH_RUNS ?? "2x1,2x2,10x1,10x2,kill").split(",");

type Result = {
  label: string;
  rps: number;
  processes: number;
  seconds: number;
  delivered: number;
  requests: number;
  limited: number;
  maxPerSecond: number;
  duplicates: number;
  missing: number;
  p50: number;
  p95: number;
};

function startSender(url: string, captureUrl: string, rps: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", "bench/mail/sender-process.ts", url], {
    env: {
      ...process.env,
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: captureUrl,
      RESEND_MAX_RPS: String(rps),
      APP_URL: "http://qoldau.bench",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
      MAIL_FROM: "Qoldau <noreply@qoldau.bench>",
      DATABASE_URL: url,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    proc.stdout!.on("data", (d: Buffer) => d.toString().includes("SENDING") && resolve(proc));
    proc.on("exit", (code) => reject(new Error(`sender exited ${code}`)));
  });
}

const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : NaN);

async function run(label: string, rps: number, processes: number, kill: boolean): Promise<Result> {
  const { url, database, drop } = await benchDatabase("mail", 4);
  const capture = await startResendCapture({ rateLimit: rps, keepBodies: false });
  const senders: ChildProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) senders.push(await startSender(url, capture.url, rps));
    const tag = randomBytes(3).toString("hex");
    const started = Date.now();
    // The burst: as many signatures as fast as the database takes them, each with its email in its statement.
    for (let i = 0; i < EMAILS; i += 100) {
      const rows: NewSignature[] = Array.from({ length: Math.min(100, EMAILS - i) }, (_, j) => {
        const nonce = newTokenNonce();
        return {
          petitionSlug: "drop-the-charges",
          emailNormalized: `bench-${tag}-${i + j}@example.org`,
          name: `Signer ${i + j}`,
          locale: locales[(i + j) % locales.length]!,
          consentUpdates: false,
          consentWordingVersion: "v1",
          showNamePublicly: false,
          consentDelivery: false,
          consentDeliveryWordingVersion: "v1",
          tokenNonce: nonce,
          tokenHash: hashToken(tokenFromNonce(nonce)),
          tokenExpiresAt: new Date(Date.now() + 86_400_000),
        };
      });
      await insertPendingSignaturesWithEmails(database.db, rows, { burst: 1, hourly: 1 }, priorityOf("signature-confirmation", {}), 3); // no client address: no limit
    }
    const enqueuedIn = (Date.now() - started) / 1000;
    let killedAt: number | null = null;
    const deadline = Date.now() + Number(process.env.BENCH_DEADLINE_SECONDS ?? 900) * 1000;
    for (;;) {
      const n = capture.emails().length;
      if (kill && killedAt === null && n >= EMAILS * 0.4) {
        senders[0]!.kill("SIGKILL");
        killedAt = Date.now();
        console.log(`  killed one sender (SIGKILL) at ${n} emails delivered; restarting it`);
        senders[0] = await startSender(url, capture.url, rps);
      }
      const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from email_outbox where state in ('queued', 'batched')`));
      if (row!.n === 0 && n >= EMAILS) break;
      if (row!.n === 0 && n > 0 && Date.now() - started > 5000) {
        // every row settled, whatever the capture holds
        const [open] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from email_batches where state <> 'done'`));
        if (open!.n === 0) break;
      }
      if (Date.now() > deadline) {
        console.log("  deadline passed");
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const emails = capture.emails();
    const last = Math.max(...emails.map((e) => Date.parse(e.receivedAt)));
    const seconds = (last - started) / 1000;
    const signedAt = new Map(
      rowsOf<{ email: string; at: string | Date }>(await database.db.execute(sql`select email_sealed as email, created_at as at from signatures`))
        .map((r) => [open("signatures.email", r.email), new Date(r.at).getTime()] as const)
        .filter(([email]) => email.startsWith(`bench-${tag}-`)),
    );
    const seen = new Map<string, number>();
    const delays: number[] = [];
    for (const e of emails) {
      const to = e.to[0]!;
      seen.set(to, (seen.get(to) ?? 0) + 1);
      if (seen.get(to) === 1 && signedAt.has(to)) delays.push((Date.parse(e.receivedAt) - signedAt.get(to)!) / 1000);
    }
    const stats = capture.stats();
    console.log(`  enqueued ${EMAILS} in ${enqueuedIn.toFixed(1)} s`);
    return {
      label,
      rps,
      processes,
      seconds,
      delivered: emails.length,
      requests: stats.requests,
      limited: stats.byStatus[429] ?? 0,
      maxPerSecond: stats.maxAcceptedPerSecond,
      duplicates: [...seen.values()].reduce((sum, n) => sum + n - 1, 0),
      missing: [...signedAt.keys()].filter((k) => !seen.has(k)).length,
      p50: quantile(delays, 0.5),
      p95: quantile(delays, 0.95),
    };
  } finally {
    for (const s of senders) s.kill("SIGKILL");
    await capture.close();
    await drop();
  }
}

async function main() {
  const results: Result[] = [];
  for (const r of RUNS) {
    const kill = r === "kill";
    const [rps, processes] = kill ? [10, 2] : r.split("x").map(Number);
    const label = kill ? `10 req/s, 2 processes, kill -9` : `${rps} req/s, ${processes} process${processes === 1 ? "" : "es"}`;
    console.log(`run: ${label}`);
    results.push(await run(label, rps!, processes!, kill));
  }
  console.log(`\nQoldau mail benchmark — ${EMAILS} confirmation emails from one signing burst, resend SDK → capture server enforcing N req/s`);
  for (const r of results) {
    const capacity = 100 * r.rps;
    const rate = r.delivered / r.seconds;
    console.log(
      `${r.label.padEnd(34)} ${rate.toFixed(0).padStart(5)} emails/s  capacity ${String(capacity).padStart(5)}/s  ratio ${(rate / capacity).toFixed(2)}` +
        `  requests ${r.requests}  429s ${r.limited}  max req in 1 s ${r.maxPerSecond}  dup ${r.duplicates}  missing ${r.missing}` +
        `  delay p50 ${r.p50.toFixed(1)} s  p95 ${r.p95.toFixed(1)} s  (${r.seconds.toFixed(1)} s)`,
    );
  }
  console.log(`\nrerun: BENCH_EMAILS=${EMAILS} BENCH_RUNS=${RUNS.join(",")} npm run bench:mail`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
