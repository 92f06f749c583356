/**
 * What the read-path and production-like benchmarks share: a database of their own with petitions at 10k and
 * 1M confirmed signatures (seeded by SQL), confirmation links the bench can open, wrk and pgbench runs, the
 * freshness probe, and `npm start` (scripts/serve.mjs) as a child process.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, rowsOf } from "@/db";
import { seed } from "@/db/seed";
import { seal, sealedSubscriber } from "@/db/personal-data";
// Also gives this process (and the servers it starts, through the environment) the keys of personal data at rest.
import { adminQuery, testServerUrl, withDatabase } from "@/db/testing";
import { hashToken } from "@/lib/confirmations/tokens";
import { tokenFromNonce } from "@/lib/signatures/tokens";

export const root = path.resolve(__dirname, "..");
export const wrkScripts = path.join(__dirname, "sign");

export type Figures = { rps: number; requests: number; errors: number; p50ms: number; p99ms: number };

/** Debian's packages the benches drive; installed with apt-get when missing (we run as root here). */
export function ensureTools(tools: Record<string, string>) {
  const missing = Object.entries(tools).filter(([tool]) => {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  console.log(`installing ${packages.join(", ")} (apt-get) …`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

export function build() {
  if (process.env.BENCH_SKIP_BUILD === "1") return;
  console.log("building (BENCH_SKIP_BUILD=1 reuses .next) …");
  execFileSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
}

/**
 * A database of the bench's own on the test PostgreSQL server (TEST_PG_URL), migrated and seeded with the first
 * campaign; `drop()` closes this process's pool and drops it.
 */
export async function benchDatabase(tag: string, max = 2): Promise<{ url: string; database: Database; drop: () => Promise<void> }> {
  const name = `qoldau_bench_${tag}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await adminQuery(`create database "${name}"`);
  const url = withDatabase(testServerUrl, name);
  const database = await openDatabase({ databaseUrl: url, migrate: true, max });
  // postgres.js ends a pool once: closing it again (here, after the bench closed it) is the same promise.
  const drop = async () => {
    await database.close();
    await adminQuery(`drop database if exists "${name}" with (force)`);
  };
  await seed(database.db).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  return { url, database, drop };
}

/** `npm start` (startServer) on `port`, once its readiness check answers. */
export async function serve(port: number, env: Record<string, string | undefined>): Promise<ChildProcess> {
  const server = startServer({ ...env, PORT: String(port) });
  await waitFor(`http://127.0.0.1:${port}/api/health`);
  return server;
}

/** `npm start`: scripts/serve.mjs, with its cluster of processes (WEB_CONCURRENCY unset = one per core). */
export function startServer(env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: false,
  });
}

export async function stopServer(server: ChildProcess | undefined) {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
  if (server.exitCode === null) server.kill("SIGKILL");
}

export async function waitFor(url: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A published petition on the seeded campaign. */
export async function createPetition(database: Database, slug: string) {
  await database.db.execute(sql`
    insert into petitions (campaign_id, slug, state, target, title, summary, body, goal, published_at)
    select (select id from campaigns limit 1), ${slug}, 'published', t, t, t, t, 2000000, now()
    from (select '{"ru":"Бенчмарк","kk":"Бенчмарк","en":"Benchmark"}'::jsonb as t) x`);
}

/**
 * `count` confirmed signatures on a petition, by SQL in chunks (a million in well under a minute), half with
 * names shown publicly (the page lists the newest), and the shard rows that say so.
 */
/**
 * Sealed values for rows seeded by SQL (SQL cannot encrypt): one address and one name, sealed once, shared by
 * every seeded row (each still opens like any other, so pages pay the same decryption), each row with an index
 * of its own. Rows that must be found or mailed by address are written through db/queries instead.
 */
export function benchSealed(label = "Signer") {
  return { email: seal("signatures.email", "seed@example.org"), name: seal("signatures.name", label) };
}

export async function seedConfirmed(database: Database, slug: string, count: number) {
  const chunk = 100_000;
  const sealed = benchSealed();
  for (let start = 0; start < count; start += chunk) {
    const end = Math.min(count, start + chunk);
    await database.db.execute(sql`
      insert into signatures (petition_id, email_index, email_sealed, name_sealed, email_domain, locale, state, show_name_publicly, token_nonce, token_hash,
                              token_expires_at, confirmation_emails_sent, confirmed_at)
      select p.id, 'seed-' || i, ${sealed.email}, ${sealed.name}, 'example.org', 'ru', 'confirmed', i % 2 = 0, 'seed-' || i,
             ${slug} || '-seed-' || i, now() + interval '1 day', 1, now() - (${count} - i) * interval '1 second'
      from petitions p, generate_series(${start + 1}::int, ${end}::int) as i
      where p.slug = ${slug}`);
  }
  await database.db.execute(sql`
    insert into petition_count_shards (petition_id, shard, confirmed, named)
    select id, 0, ${count}, ${Math.floor(count / 2)} from petitions where slug = ${slug}
    on conflict (petition_id, shard) do update
    set confirmed = petition_count_shards.confirmed + ${count}, named = petition_count_shards.named + ${Math.floor(count / 2)}`);
  await database.db.execute(sql`analyze signatures`);
}

/** Pending signatures with confirmation links the bench can open (the token in each link), round-robin over slugs. */
export async function pendingTokens(database: Database, slugs: readonly string[], count: number, tag: string): Promise<string[]> {
  const tokens: string[] = [];
  const sealed = benchSealed("Bench Signer");
  for (let start = 0; start < count; start += 5000) {
    const nonces = Array.from({ length: Math.min(5000, count - start) }, () => randomBytes(16).toString("base64url"));
    const hashes = nonces.map((n) => hashToken(tokenFromNonce(n)));
    tokens.push(...nonces.map((n) => tokenFromNonce(n)));
    await database.db.execute(sql`
      insert into signatures (petition_id, email_index, email_sealed, name_sealed, email_domain, locale, token_nonce, token_hash, token_expires_at, confirmation_emails_sent)
      select p.id, ${tag} || '-' || n.nonce, ${sealed.email}, ${sealed.name}, 'example.org', 'ru', n.nonce, n.hash, now() + interval '1 day', 1
      from unnest(${sql.raw(pgTextArray(nonces))}::text[], ${sql.raw(pgTextArray(hashes))}::text[]) with ordinality as n(nonce, hash, i)
      join petitions p on p.slug = (${sql.raw(pgTextArray([...slugs]))}::text[])[1 + (n.i % ${slugs.length})]`);
  }
  return tokens;
}

/** Token files for wrk's confirm.lua, one per wrk process so no link is opened twice. */
export function tokenFiles(tokens: string[], files: number, tag: string): string[] {
  const per = Math.floor(tokens.length / files);
  return Array.from({ length: files }, (_, f) => {
    const file = path.join(os.tmpdir(), `qoldau-bench-${tag}-${process.pid}-${f}.tokens`);
    writeFileSync(file, `${tokens.slice(f * per, (f + 1) * per).join("\n")}\n`);
    return file;
  });
}

/** A literal text[]: only base64url and hex strings and our own slugs go in here. */
export function pgTextArray(values: string[]): string {
  if (!values.every((v) => /^[A-Za-z0-9_-]+$/.test(v))) throw new Error("unexpected characters in a bench value");
  return `array[${values.map((v) => `'${v}'`).join(",")}]`;
}

export async function confirmedCount(database: Database, slug: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await database.db.execute(sql`
      select coalesce(sum(c.confirmed), 0)::int as n from petition_count_shards c join petitions p on p.id = c.petition_id
      where p.slug = ${slug}`),
  );
  return row?.n ?? 0;
}

/**
 * wrk against one address: `processes` wrk processes of one thread each (the connections split evenly; each gets
 * its own BENCH_PREFIX and, for confirmations, its own token file). Headers: BENCH_HEADERS in the env, see get.lua.
 */
export async function runWrk(
  /** One address (split over `processes` wrk processes), or one wrk process per address (a client per app process). */
  base: string | string[],
  connections: number,
  script: string,
  extra: Record<string, string>,
  duration: number,
  processes = 2,
): Promise<Figures> {
  const bases = Array.isArray(base) ? base : Array.from({ length: processes }, () => base);
  const per = Math.max(1, Math.round(connections / bases.length));
  const runs = await Promise.all(
    bases.map(
      (target, i) =>
        new Promise<string>((resolve, reject) => {
          const child = spawn("wrk", ["-t1", `-c${per}`, `-d${duration}s`, "--timeout", "10s", "-s", script, target], {
            env: {
              ...process.env,
              ...extra,
              BENCH_DIR: wrkScripts,
              BENCH_PREFIX: `${extra.BENCH_PREFIX ?? "b"}-${i}`,
              ...(extra.BENCH_TOKENS_FILES ? { BENCH_TOKENS: extra.BENCH_TOKENS_FILES.split(",")[i] } : {}),
            },
          });
          let out = "";
          child.stdout.on("data", (d: Buffer) => (out += d.toString()));
          child.stderr.on("data", (d: Buffer) => (out += d.toString()));
          child.on("error", reject);
          child.on("close", () => resolve(out));
        }),
    ),
  );
  const parsed = runs.map((out) => {
    const line = /BENCH (\{.*\})/.exec(out)?.[1];
    if (!line) throw new Error(`wrk gave no figures:\n${out}`);
    return JSON.parse(line) as { requests: number; duration_us: number; socket_errors: number; non_2xx_3xx: number; p50_us: number; p99_us: number };
  });
  const requests = parsed.reduce((n, p) => n + p.requests, 0);
  const errors = parsed.reduce((n, p) => n + p.socket_errors + p.non_2xx_3xx, 0);
  const secondsRun = Math.max(...parsed.map((p) => p.duration_us)) / 1e6;
  return {
    requests,
    errors,
    rps: (requests - errors) / secondsRun,
    p50ms: Math.max(...parsed.map((p) => p.p50_us)) / 1000,
    p99ms: Math.max(...parsed.map((p) => p.p99_us)) / 1000,
  };
}

export function runPgbench(url: string, script: string, clients: number, seconds: number): number {
  const out = execFileSync(
    "pgbench",
    ["-n", "-M", "prepared", "-c", String(clients), "-j", "2", "-T", String(seconds), "-f", script, url],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1];
  if (!tps) throw new Error(`pgbench gave no tps:\n${out}`);
  return Number(tps);
}

export const row = (label: string, f: Figures, width = 40) =>
  `${label.padEnd(width)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${f.p50ms.toFixed(1).padStart(6)} ms   p99 ${f.p99ms.toFixed(1).padStart(7)} ms   errors ${f.errors}`;

export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(", ");
}

/**
 * The freshness probe: every `everyMs`, opens one confirmation link (POST, as the button does), reads the count the
 * database then holds, and polls the count JSON and the petition page — as an anonymous visitor gets them, from the
 * shared cache — until both show at least that. Records how long each took; over `limitMs` is a miss.
 */
export function freshnessProbe(options: {
  base: string;
  database: Database;
  tokens: Map<string, string[]>; // slug → unused links
  everyMs?: number;
  limitMs?: number;
}) {
  const { base, database, tokens } = options;
  const everyMs = options.everyMs ?? 1500;
  const limitMs = options.limitMs ?? 5000;
  const lags: { slug: string; json: number; page: number }[] = [];
  const failures: string[] = [];
  let stopped = false;
  let slugs = [...tokens.keys()];
  const countIn = async (url: string, json: boolean) => {
    const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
    const text = await res.text();
    if (!res.ok) return -1;
    return json ? Number((JSON.parse(text) as { count: number }).count) : Number(/data-count="(\d+)"/.exec(text)?.[1] ?? -1);
  };
  const one = async (slug: string) => {
    const token = tokens.get(slug)?.pop();
    if (!token) return;
    const res = await fetch(`${base}/api/v1/signatures/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: `locale=ru&token=${token}`,
    });
    await res.arrayBuffer();
    if (res.status !== 200) {
      failures.push(`confirm answered ${res.status}`);
      return;
    }
    const acknowledged = Date.now();
    const expected = await confirmedCount(database, slug);
    const seen = { json: -1, page: -1 };
    while (Date.now() - acknowledged < limitMs + 1000 && (seen.json < 0 || seen.page < 0)) {
      const [json, page] = await Promise.all([
        seen.json < 0 ? countIn(`${base}/api/v1/petitions/${slug}`, true) : expected,
        seen.page < 0 ? countIn(`${base}/ru/petitions/${slug}`, false) : expected,
      ]);
      if (seen.json < 0 && json >= expected) seen.json = Date.now() - acknowledged;
      if (seen.page < 0 && page >= expected) seen.page = Date.now() - acknowledged;
      if (seen.json < 0 || seen.page < 0) await new Promise((r) => setTimeout(r, 100));
    }
    if (seen.json < 0 || seen.json > limitMs || seen.page < 0 || seen.page > limitMs) {
      failures.push(`${slug}: count ${expected} shown after json ${seen.json} ms, page ${seen.page} ms`);
    }
    lags.push({ slug, ...seen });
  };
  const loop = (async () => {
    let i = 0;
    while (!stopped) {
      const started = Date.now();
      try {
        await one(slugs[i++ % slugs.length]!);
      } catch (error) {
        failures.push(`probe failed: ${error instanceof Error ? error.message : "error"}`);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - started))));
    }
  })();
  return {
    /** Which petitions to probe from now on. */
    focus(next: string[]) {
      slugs = next;
    },
    async stop() {
      stopped = true;
      await loop;
      const worst = (k: "json" | "page") => Math.max(0, ...lags.map((l) => l[k]));
      const median = (k: "json" | "page") => {
        const sorted = lags.map((l) => l[k]).sort((a, b) => a - b);
        return sorted[Math.floor(sorted.length / 2)] ?? 0;
      };
      return { probes: lags.length, failures, worstJson: worst("json"), worstPage: worst("page"), medianJson: median("json"), medianPage: median("page") };
    },
  };
}

/** `count` confirmed subscribers of the first campaign (ru/kk/en in turn), each address sealed here (SQL cannot encrypt). */
export async function seedSubscribers(database: Database, count: number) {
  for (let start = 0; start < count; start += 50_000) {
    const end = Math.min(count, start + 50_000);
    // Each address sealed here (SQL cannot encrypt): the fan-out opens and mails every one.
    const rows = Array.from({ length: end - start }, (_, k) => ({ i: start + k, ...sealedSubscriber(`sub-${start + k}@example.org`) }));
    await database.db.execute(sql`
      insert into subscribers (campaign_id, email_index, email_sealed, locale, state, source, consent_wording_version, token_nonce,
                               confirm_token_hash, manage_token_hash, token_expires_at, confirmed_at)
      select c.id, r."emailIndex", r."emailSealed", (array['ru','kk','en'])[1 + r.i % 3], 'confirmed', 'sign_form', 'updates-v1',
             md5('n' || r.i), md5('c' || r.i), md5('m' || r.i), now() + interval '1 day', now()
      from (select id from campaigns order by created_at limit 1) c,
           jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(i int, "emailIndex" text, "emailSealed" text)`);
  }
  await database.db.execute(sql`analyze subscribers`);
}
