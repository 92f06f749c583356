import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The ALTCHA widget is served from our own origin (strict CSP, nothing from other hosts): public/vendor holds a copy
// of the pinned package's files. This keeps the copy and the package the same, so an upgrade cannot leave one behind.
const root = process.cwd();
const pkg = JSON.parse(readFileSync(path.join(root, "node_modules/altcha/package.json"), "utf8")) as { version: string };
const vendored = path.join(root, "public/vendor", `altcha-${pkg.version}`);

describe("the vendored ALTCHA widget", () => {
  it.each([
    ["altcha.min.js", "dist/external/altcha.min.js"],
    ["altcha.css", "dist/external/altcha.css"],
    ["pbkdf2.js", "dist/workers/pbkdf2.js"],
    ["LICENSE.txt", "LICENSE.txt"],
  ])("public/vendor/altcha-<version>/%s is the package's %s", (file, source) => {
    expect(readFileSync(path.join(vendored, file)).equals(readFileSync(path.join(root, "node_modules/altcha", source)))).toBe(true);
  });

  it("is the version the page loads and package.json pins", () => {
    const ours = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(ours.dependencies.altcha).toBe(pkg.version);
    expect(readFileSync(path.join(root, "public/pow.js"), "utf8")).toContain(`/vendor/altcha-${pkg.version}`);
  });
});
