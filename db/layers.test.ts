import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The data layer stands alone: modules under db/ import drizzle, the drivers, their own schema and queries —
 * never lib/ or app/, except for types (`import type`, erased at build) and the one shared list of locales and
 * the campaign's time zone (lib/i18n/locales.ts, which imports nothing itself).
 */
const root = path.resolve(__dirname, "..");
const shared = new Set(["@/lib/i18n/locales"]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "migrations" ? [] : files(full);
    return /\.(ts|tsx|mts|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** Every value import or re-export of a module: `from "x"` not preceded by `import type` / `export type`, and `import("x")`. */
function valueImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s+["']([^"']+)["']/gms)) if (!m[2]) out.push(m[3]!);
  for (const m of source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) out.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) out.push(m[1]!);
  return out;
}

function outsideDb(file: string, specifier: string): boolean {
  if (specifier.startsWith("@/")) return !specifier.startsWith("@/db/") && specifier !== "@/db" && !shared.has(specifier);
  if (!specifier.startsWith(".")) return false; // a package
  const target = path.relative(root, path.resolve(path.dirname(file), specifier));
  return !target.startsWith(`db${path.sep}`) && target !== "db";
}

describe("layers", () => {
  it("no module under db/ imports from lib/ or app/ (types aside)", () => {
    const offending = files(path.join(root, "db")).flatMap((file) =>
      valueImports(readFileSync(file, "utf8"))
        .filter((s) => outsideDb(file, s))
        .map((s) => `${path.relative(root, file)} → ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it("sees an import from lib/ when there is one (the check itself works)", () => {
    const file = path.join(root, "db", "queries", "x.ts");
    expect(valueImports('import { env } from "@/lib/env";\nimport type { Db } from "@/db";').filter((s) => outsideDb(file, s))).toEqual(["@/lib/env"]);
    expect(valueImports('import { a } from "../../lib/jobs/queues";').filter((s) => outsideDb(file, s))).toEqual(["../../lib/jobs/queues"]);
  });

  it("keeps the shared module a leaf", () => {
    expect(valueImports(readFileSync(path.join(root, "lib", "i18n", "locales.ts"), "utf8"))).toEqual([]);
  });
});
