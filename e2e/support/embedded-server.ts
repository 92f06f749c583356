import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * The embedded default as a newcomer runs it (`npm start` with no DATABASE_URL, no mail provider): PGlite in a
 * fresh data folder, migrated and seeded on start, mail kept in the dev mailbox. Uses the e2e build (.next-e2e).
 */
export type EmbeddedServer = { baseURL: string; port: number; stop(): Promise<void> };

export async function startEmbeddedServer(options: { env?: Record<string, string>; appUrl?: (port: number) => string } = {}): Promise<EmbeddedServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "qoldau-embedded-"));
  const port = await freePort();
  const baseURL = options.appUrl?.(port) ?? `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: ".next-e2e",
    PGLITE_DIR: path.join(dataDir, "pglite"),
    DATA_DIR: dataDir,
    APP_URL: baseURL,
    PORT: String(port),
  };
  for (const name of ["DATABASE_URL", "RESEND_API_KEY", "RESEND_BASE_URL", "DEV_MAILBOX", "AUTH_SECRET", "DATA_KEY", "DATA_KEY_PREVIOUS", "DATA_INDEX_KEY", "HOSTNAME", "TRUSTED_PROXIES"]) delete env[name];
  Object.assign(env, options.env);
  const server = await startServeProcess(env, port, () => rmSync(dataDir, { recursive: true, force: true }));
  return { ...server, baseURL };
}

/**
 * Another app process beside the e2e one — same database, same secret, same capture server, links in its email
 * pointing at the e2e app — with settings of its own (`env`), as a second process behind a load balancer would be.
 */
export async function startSiblingServer(env: Record<string, string>): Promise<EmbeddedServer> {
  const port = await freePort();
  const full: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: ".next-e2e",
    DATABASE_URL: required("E2E_DATABASE_URL"),
    AUTH_SECRET: required("E2E_AUTH_SECRET"),
    DATA_KEY: required("E2E_DATA_KEY"),
    DATA_INDEX_KEY: required("E2E_DATA_INDEX_KEY"),
    RESEND_API_KEY: "re_test_key",
    RESEND_BASE_URL: required("E2E_CAPTURE_URL"),
    MAIL_FROM: "Qoldau <noreply@qoldau.test>",
    APP_URL: required("E2E_BASE_URL"),
    WEB_CONCURRENCY: "1",
    ...env,
  };
  delete full.DEV_MAILBOX;
  return startServeProcess(full, port);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through playwright.config.ts (npm run test:e2e)`);
  return value;
}

/** `npm start` with `env` on `port`, once /api/v1/health answers; stop() ends it (and runs `cleanup`). */
async function startServeProcess(env: NodeJS.ProcessEnv, port: number, cleanup = () => {}): Promise<EmbeddedServer> {
  const server: ChildProcess = spawn(process.execPath, [path.resolve("scripts/serve.mjs")], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    await exited;
    cleanup();
  };
  const deadline = Date.now() + 100_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline || server.exitCode !== null) {
      await stop();
      throw new Error("the app server did not start");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseURL: `http://127.0.0.1:${port}`, port, stop };
}

/** This machine's first address that is not loopback: what another computer on the network would connect to. */
export function networkAddress(): string {
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) if (!entry.internal && entry.family === "IPv4") return entry.address;
  }
  throw new Error("this machine has no non-loopback IPv4 address to test network exposure through");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
