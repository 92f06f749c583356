import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { configurePersonalData } from "@/db/personal-data";
import { env } from "@/lib/env";

/**
 * Gives the data layer its keys for personal data at rest (db/personal-data.ts), once per process, before anything
 * reads or writes a supporter's data: DATA_KEY (and DATA_KEY_PREVIOUS during a rotation) and DATA_INDEX_KEY, all
 * required in production (lib/env.ts refuses to start without them); on the embedded default each is generated once
 * into DATA_DIR (mode 0600) and reused on every start.
 */
export function configureDataKeys(): void {
  const e = env();
  configurePersonalData({
    current: e.DATA_KEY ?? generatedSecret("data-key"),
    previous: e.DATA_KEY_PREVIOUS?.split(",").map((k) => k.trim()).filter(Boolean),
    index: e.DATA_INDEX_KEY ?? generatedSecret("data-index-key"),
  });
}

/** A random secret kept in DATA_DIR/<name>, written the first time (mode 0600); another process writing first wins. */
function generatedSecret(name: string): string {
  const file = path.resolve(env().DATA_DIR, name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return readFileSync(file, "utf8").trim();
    }
  }
}
