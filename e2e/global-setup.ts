import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { adminQuery, testServerUrl, withDatabase } from "../db/testing";
import { chromiumPath } from "./support/browser";
import { startResendCapture } from "./support/resend-capture";

/**
 * The app as it ships, on a database of its own:
 *   fresh PostgreSQL database → db:migrate → db:seed → Resend capture server → next build (.next-e2e)
 *   → npm start (scripts/serve.mjs) on a free port. Tests read E2E_BASE_URL, E2E_CAPTURE_URL and E2E_DATABASE_URL.
 * E2E_SKIP_BUILD=1 reuses the last .next-e2e build. The returned function is the global teardown.
 */
const root = path.resolve(__dirname, "..");
const distDir = ".next-e2e";
const logDir = path.join(root, "test-results");

export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No browser at ${chromiumPath}. Install Debian's chromium: apt-get install -y chromium`);
  }
  const cleanups: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => console.error("[e2e] teardown:", e));
  };

  try {
    const name = `qoldau_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
    await adminQuery(`create database "${name}"`).catch((error: unknown) => {
      throw new Error(`Cannot create a database on ${testServerUrl} (is PostgreSQL running?): ${String(error)}`);
    });
    cleanups.push(() => adminQuery(`drop database if exists "${name}" with (force)`));

    const capture = await startResendCapture();
    cleanups.push(() => capture.close());

    const port = await freePort(3200, 3299);
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: withDatabase(testServerUrl, name),
      APP_URL: baseUrl,
      PORT: String(port),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DATA_KEY: randomBytes(32).toString("base64url"),
      DATA_INDEX_KEY: randomBytes(32).toString("base64url"),
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: capture.url,
      MAIL_FROM: "Qoldau <noreply@qoldau.test>",
      // Resend's webhooks are on, so e2e/attacker/fuzz.spec.ts can sign some and forge the rest.
      RESEND_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
      PGLITE_DIR: ".data/pglite-e2e", // unused with DATABASE_URL; never the developer's .data/pglite
      // As behind a local reverse proxy: a test can speak for another client with X-Forwarded-For.
      TRUSTED_PROXIES: "127.0.0.1/32",
      // A rally edit's change notice goes out one quiet second after the last edit, not a minute.
      RALLY_CHANGE_WINDOW_SECONDS: "1",
      // One process, so a test sees which answers came from the shared page cache (e2e/operator covers several).
      WEB_CONCURRENCY: "1",
    };
    delete env.DEV_MAILBOX;

    await run("db:migrate", [tsx(), "lib/cli/migrate.ts"], env);
    await run("db:seed", [tsx(), "lib/cli/seed.ts"], env);
    if (process.env.E2E_SKIP_BUILD === "1" && existsSync(path.join(root, distDir, "BUILD_ID"))) {
      console.log(`[e2e] E2E_SKIP_BUILD=1: using the existing ${distDir} build`);
    } else {
      const started = Date.now();
      await run("next build", [nextBin(), "build"], env);
      console.log(`[e2e] next build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }

    const server = startServer(env, port);
    cleanups.push(() => stop(server));
    await waitForServer(`${baseUrl}/ru`, server, 120_000);

    process.env.E2E_BASE_URL = baseUrl;
    process.env.E2E_CAPTURE_URL = capture.url;
    process.env.E2E_DATABASE_URL = env.DATABASE_URL;
    process.env.E2E_AUTH_SECRET = env.AUTH_SECRET; // for a sibling app process (e2e/support/embedded-server.ts)
    // The keys of personal data at rest: for a sibling process, and for specs that read or write the tables (e2e/support/data.ts).
    process.env.E2E_DATA_KEY = env.DATA_KEY;
    process.env.E2E_DATA_INDEX_KEY = env.DATA_INDEX_KEY;
    process.env.E2E_RESEND_WEBHOOK_SECRET = env.RESEND_WEBHOOK_SECRET;
    console.log(`[e2e] app ${baseUrl} on database ${name}; Resend capture ${capture.url}`);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

function tsx(): string {
  return path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
}

function nextBin(): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

/** Runs `node <args>` in the repo, showing its output; rejects with its exit code. */
function run(label: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`[e2e] ${label} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** `npm start` (scripts/serve.mjs), its own process group so teardown stops it and anything it started. */
function startServer(env: NodeJS.ProcessEnv, port: number): ChildProcess {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, "next-server.log"));
  const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    cwd: root,
    env: { ...env, HOSTNAME: "127.0.0.1", PORT: String(port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  // Server errors belong next to the failing test's output.
  child.stderr?.on("data", (chunk: Buffer) => {
    log.write(chunk);
    process.stderr.write(chunk.toString().replace(/^(?=.)/gm, "[next] "));
  });
  return child;
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`[e2e] the server exited with code ${server.exitCode}; see test-results/next-server.log`);
    }
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`[e2e] ${url} did not answer 200 within ${timeoutMs / 1000} s; see test-results/next-server.log`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A port in [from, to] nobody listens on, trying from a random one: several e2e runs share the machine,
 * and two that both probe the first free port race for it (the loser's tests then talk to the winner's app).
 */
async function freePort(from: number, to: number): Promise<number> {
  const span = to - from + 1;
  const offset = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = from + ((offset + i) % span);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`[e2e] no free port in ${from}-${to}`);
}
