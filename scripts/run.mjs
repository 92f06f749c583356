#!/usr/bin/env node
// `npm run app`: build if needed, migrate PostgreSQL if DATABASE_URL is set, then start scripts/serve.mjs (`npm start`).
// With no environment at all this is the embedded default: the app creates .data/, migrates and
// seeds PGlite itself on start (instrumentation.ts), so a fresh clone needs only `npm ci && npm run app`.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const stampFile = path.join(root, distDir, "qoldau-build-stamp");
const env = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
const node = process.execPath;
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxBin = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

// What the build writes or never reads; everything else counts as a source.
const ignored = new Set([
  "node_modules", ".git", ".data", "test-results", "playwright-report", "next-env.d.ts", "coverage", ".env", ".env.local",
]);
const ignoredPattern = /^\.next|\.tsbuildinfo$/;

/** Every source file's path, size and mtime, hashed, plus git HEAD: changes when anything the build reads changes. */
function sourceStamp() {
  const hash = createHash("sha256");
  const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" });
  hash.update(`head ${head.status === 0 ? head.stdout.trim() : "no-git"}\n`);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (ignored.has(entry.name) || ignoredPattern.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const s = statSync(full);
        hash.update(`${path.relative(root, full)} ${s.size} ${s.mtimeMs}\n`);
      }
    }
  };
  walk(root);
  return hash.digest("hex");
}

function run(label, args) {
  const result = spawnSync(node, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[qoldau] ${label} failed (${result.signal ?? `exit ${result.status}`})`);
    process.exit(result.status || 1);
  }
}

const stamp = sourceStamp();
const built = existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(stampFile);
if (built && readFileSync(stampFile, "utf8").trim() === stamp) {
  console.log(`[qoldau] build in ${distDir} is up to date`);
} else {
  console.log(built ? "[qoldau] sources changed since the last build: building" : "[qoldau] no build yet: building (about a minute)");
  const started = Date.now();
  run("next build", [nextBin, "build"]);
  // The stamp of the sources as they were when the build started: an edit during the build rebuilds next time.
  writeFileSync(stampFile, `${stamp}\n`);
  console.log(`[qoldau] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (env.DATABASE_URL) {
  run("db:migrate", [tsxBin, "lib/cli/migrate.ts"]);
} else {
  console.log(`[qoldau] no DATABASE_URL: embedded PGlite in ${env.PGLITE_DIR || ".data/pglite"} (migrated and seeded on start)`);
}

const port = env.PORT || "3000";
console.log(`[qoldau] starting: open http://localhost:${port}/`);
const server = spawn(node, [path.join(root, "scripts", "serve.mjs")], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
