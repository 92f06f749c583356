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
  for (const name of ["DATABASE_URL", "RESEND_API_KEY", "RESEND_BASE_URL", "DEV_MAILBOX", "AUTH_SECRET", "HOSTNAME", "TRUSTED_PROXIES"]) delete env[name];
  Object.assign(env, options.env);
  const server: ChildProcess = spawn(process.execPath, [path.resolve("scripts/serve.mjs")], { env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 100_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline || server.exitCode !== null) {
      await stop();
      throw new Error("the embedded default did not start");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseURL, port, stop };
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
