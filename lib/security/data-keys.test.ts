import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(os.tmpdir(), "qoldau-keys-"));
// The embedded default (no DATABASE_URL, no DATA_KEY): set before lib/env.ts reads the environment.
Object.assign(process.env, { DATA_DIR: dir });
delete process.env.DATABASE_URL;
delete process.env.DATA_KEY;
delete process.env.DATA_INDEX_KEY;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("data keys on the embedded default", () => {
  it("are generated once into DATA_DIR (mode 0600) and reused on the next start", async () => {
    const { configureDataKeys } = await import("./data-keys");
    const { currentKeyId, emailIndex, open, seal } = await import("@/db/personal-data");
    configureDataKeys();
    const sealed = seal("subscribers.email", "aliya@example.org");
    const index = emailIndex("aliya@example.org");
    const id = currentKeyId();
    for (const name of ["data-key", "data-index-key"]) {
      const file = path.join(dir, name);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, "utf8").trim().length).toBeGreaterThanOrEqual(32);
    }
    expect(readFileSync(path.join(dir, "data-key"), "utf8")).not.toBe(readFileSync(path.join(dir, "data-index-key"), "utf8"));
    configureDataKeys(); // a restart
    expect(currentKeyId()).toBe(id);
    expect(emailIndex("aliya@example.org")).toBe(index);
    expect(open("subscribers.email", sealed)).toBe("aliya@example.org");
  });
});
