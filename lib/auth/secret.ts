import { hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * The app's master secret: AUTH_SECRET (required in production, checked by lib/env.ts), or on the
 * embedded default a random one generated once into .data/auth-secret (mode 0600).
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const fromEnv = env().AUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);
  const file = path.resolve(env().DATA_DIR, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
      cached = secret;
    } catch {
      cached = readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
  return cached;
}

/** A key for one purpose, derived from the master secret, so one leaked key does not expose the others. */
export function deriveKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", getAuthSecret(), "qoldau", purpose, 32));
}
