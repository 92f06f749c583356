import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Next 16 sends notFound() in a dynamic render as a document whose content is only in its scripts; scripts/serve.mjs
// answers such a 404 with the page-not-found page of the nearest boundary instead. Every boundary needs one.
const localeRoot = path.join(__dirname, "[locale]");

function notFoundFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return notFoundFiles(full);
    return name === "not-found.tsx" ? [full] : [];
  });
}

describe("not-found boundaries", () => {
  it.each(notFoundFiles(localeRoot).map((f) => path.relative(localeRoot, f)))("%s has a page-not-found page beside its static prefix", (file) => {
    const segments = path.dirname(file).split(path.sep).filter((s) => s !== ".");
    const firstDynamic = segments.findIndex((s) => s.startsWith("["));
    const prefix = firstDynamic === -1 ? segments : segments.slice(0, firstDynamic);
    expect(existsSync(path.join(localeRoot, ...prefix, "page-not-found", "page.tsx"))).toBe(true);
  });
});
