// Runs Lighthouse (mobile profile, its default) on each URL given, with Debian's chromium, and prints one JSON line:
// [{ url, scores: {performance, accessibility, best-practices}, failing: [audit ids below 0.9] }].
// Plain Node on purpose: Lighthouse sends its own functions' source to the browser, and a TypeScript loader's
// rewrite of them (tsx adds __name helpers) breaks there. Called by bench/lighthouse/run.ts.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const results = [];
try {
  for (const url of process.argv.slice(2)) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
    });
    if (!result) throw new Error(`lighthouse gave nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
    const failing = [
      ...new Set(
        Object.values(categories)
          .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => audits[r.id]))
          .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
          .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`),
      ),
    ];
    const metrics = Object.fromEntries(
      ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"].map((id) => [id, audits[id]?.displayValue ?? null]),
    );
    // What moved, when anything did (the elements Lighthouse names for the layout shifts).
    const shifted = (audits["layout-shifts"]?.details?.items ?? []).map((item) => item.node?.selector ?? item.node?.snippet).filter(Boolean).slice(0, 3);
    // BENCH_LH_DETAILS=1: where the main thread's time went, per script and per kind of work.
    const details = process.env.BENCH_LH_DETAILS === "1"
      ? {
          bootup: (audits["bootup-time"]?.details?.items ?? []).slice(0, 6).map((i) => `${String(i.url).replace(/^https?:\/\/[^/]+/, "")} ${Math.round(i.total)} ms (script ${Math.round(i.scripting)})`),
          mainThread: (audits["mainthread-work-breakdown"]?.details?.items ?? []).slice(0, 6).map((i) => `${i.groupLabel ?? i.group} ${Math.round(i.duration)} ms`),
          lcpElement: audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
        }
      : undefined;
    results.push({
      details,
      shifted,
      url,
      scores: { performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices") },
      failing,
      metrics,
      lighthouse: result.lhr.lighthouseVersion,
      // Lighthouse's own CPU benchmark of this machine at the time (a quiet desktop ≈ 1,000–2,500; lower = busier).
      benchmarkIndex: Math.round(result.lhr.environment.benchmarkIndex),
    });
  }
} finally {
  await chrome.kill();
}
console.log(`LIGHTHOUSE ${JSON.stringify(results)}`);
