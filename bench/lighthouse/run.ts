/**
 * Lighthouse (issue 9, item 6): the `lighthouse` package driving Debian's chromium (no browser download), mobile
 * profile (its default: a mid-range phone, simulated slow 4G and 4× CPU slowdown), on the home, profile,
 * petition and a rally page of `npm start` on PostgreSQL; and the petition page's first-load JavaScript (gzip -9 of
 * every script its HTML loads, the `noModule` polyfills left out: browsers that run modules skip them).
 *
 *   npm run bench:lighthouse     # BENCH_SKIP_BUILD=1 BENCH_PORT=3801 CHROME_PATH=/usr/bin/chromium BENCH_LOCALE=ru
 *
 * Targets: performance ≥ 95, accessibility 100, best practices ≥ 95; first-load JS ≤ 130 kB gzip.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { openDatabase } from "@/db";
import { seed } from "@/db/seed";
import { adminQuery, testServerUrl, withDatabase } from "@/db/testing";
import { petitionSlug } from "../../e2e/support/site";
import { build, loadAverage, startServer, stopServer, waitFor } from "../support";

const port = Number(process.env.BENCH_PORT ?? 3801);
const base = `http://127.0.0.1:${port}`;
const locale = process.env.BENCH_LOCALE ?? "ru";
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const rallySlug = "bench-rally";

type Scores = { performance: number; accessibility: number; "best-practices": number };

/** The JavaScript a first visit to `page` downloads, gzip -9, in bytes: each <script src> except noModule ones. */
async function firstLoadJs(page: string): Promise<{ bytes: number; files: number }> {
  const html = await (await fetch(`${base}${page}`)).text();
  const sources = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1]!)
    .filter((attrs) => !/\bnoModule\b/i.test(attrs))
    .map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1])
    .filter((src): src is string => Boolean(src));
  let bytes = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(src.replaceAll("&amp;", "&"), base))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return { bytes, files: new Set(sources).size };
}

async function main() {
  build();
  const startedLoad = loadAverage();
  const name = `qoldau_bench_lh_${Date.now()}`;
  await adminQuery(`create database "${name}"`);
  const url = withDatabase(testServerUrl, name);
  let server: ChildProcess | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    const database = await openDatabase({ databaseUrl: url, migrate: true, max: 2 });
    await seed(database.db);
    // A rally two weeks ahead, 18:00 in Almaty, as an organizer would announce it.
    const text = (s: string) => JSON.stringify({ ru: `${s}`, kk: `${s}`, en: `${s}` });
    await database.db.execute(sql`
      insert into rallies (campaign_id, slug, state, title, description, starts_at, ends_at, address, permit_note, safety_note,
                           accessibility_note, preparation, capacity, waitlist, announced_at)
      select id, ${rallySlug}, 'announced', ${text("Митинг в поддержку")}::jsonb, ${text("Мирное собрание у акимата.")}::jsonb,
             date_trunc('day', now() + interval '14 days') + interval '13 hours', date_trunc('day', now() + interval '14 days') + interval '15 hours',
             ${text("Алматы, площадь Республики")}::jsonb, ${text("")}::jsonb, ${text("")}::jsonb, ${text("")}::jsonb,
             ${text("Возьмите воду")}::jsonb, null, false, now()
      from campaigns limit 1`);
    await database.close();

    server = startServer({
      DATABASE_URL: url,
      PORT: String(port),
      APP_URL: base,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DEV_MAILBOX: "1",
      JOBS: "off",
      WEB_CONCURRENCY: "1",
    });
    await waitFor(`${base}/api/health`);

    const pages = [
      ["home", `/${locale}`],
      ["profile", `/${locale}/profile`],
      ["petition", `/${locale}/petitions/${petitionSlug}`],
      ["rally", `/${locale}/rallies/${rallySlug}`],
    ] as const;
    for (const [, p] of pages) {
      const res = await fetch(`${base}${p}`);
      if (!res.ok) throw new Error(`${p} answered ${res.status}`);
    }

    chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    const results: { name: string; path: string; scores: Scores; failing: string[] }[] = [];
    for (const [pageName, p] of pages) {
      const result = await lighthouse(`${base}${p}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
      });
      if (!result) throw new Error(`lighthouse gave nothing for ${p}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const failing = Object.values(categories)
        .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => audits[r.id]!))
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
        .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
      results.push({
        name: pageName,
        path: p,
        scores: { performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices") },
        failing,
      });
    }
    const js = await firstLoadJs(`/${locale}/petitions/${petitionSlug}`);

    console.log(`\nLighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, mobile profile, ${chromePath}, npm start on PostgreSQL, ${new Date().toISOString()}`);
    console.log(`load average before: ${startedLoad}; after: ${loadAverage()}`);
    console.log(`${"page".padEnd(10)} ${"performance".padStart(12)} ${"accessibility".padStart(14)} ${"best practices".padStart(15)}   below 0.9`);
    let ok = true;
    for (const r of results) {
      const s = r.scores;
      ok &&= s.performance >= 95 && s.accessibility === 100 && s["best-practices"] >= 95;
      console.log(`${r.name.padEnd(10)} ${String(s.performance).padStart(12)} ${String(s.accessibility).padStart(14)} ${String(s["best-practices"]).padStart(15)}   ${r.failing.join(", ") || "—"}`);
    }
    console.log(`targets: performance ≥ 95, accessibility 100, best practices ≥ 95 — ${ok ? "met" : "NOT MET"}`);
    console.log(`petition page first-load JS: ${(js.bytes / 1000).toFixed(1)} kB gzip -9 in ${js.files} scripts (target ≤ 130 kB)`);
    console.log(`\nrerun: BENCH_SKIP_BUILD=1 npm run bench:lighthouse`);
  } finally {
    await chrome?.kill();
    await stopServer(server);
    await adminQuery(`drop database if exists "${name}" with (force)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
