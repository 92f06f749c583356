#!/usr/bin/env node
// `npm start`: the production HTTP server around Next's request handler (what `next start` does, plus what
// Next does not do for us):
//   - binds loopback only on the embedded default (no DATABASE_URL), every interface in production;
//     HOSTNAME overrides either;
//   - stamps the TCP peer's address into a request header whose name is random per process, so app code
//     (lib/http/client-address.ts) knows who is really connected and no client can forge it — served any other
//     way (plain `next start`), the header is absent and the app treats every client as remote;
//   - redirects a page opened under another host name than APP_URL's to APP_URL (308);
//   - refuses a request whose declared body is larger than any route accepts (413) before Next reads it;
//     routes cap what they read themselves (chunked bodies), see lib/http/read-body.ts;
//   - answers a signature's POST and its confirmation's by calling their route handlers directly
//     (scripts/direct-routes.mjs): Next's machinery around them was two thirds of a signature's CPU;
//   - sends supporter-facing pages without Next's and React's runtime (scripts/scriptless.mjs): they need none;
//   - answers public pages and the count JSON from a cache of a few seconds (scripts/page-cache.mjs), each copy
//     with a fresh CSP nonce, so a viral petition page costs a render per process every two seconds, not per visit;
//   - in production runs one web process per core (Node's cluster; WEB_CONCURRENCY overrides), all on the same port,
//     each with its own database pool, and one job process beside them (the mail sender, the updates fan-out, the
//     scheduled jobs) at a lower CPU priority (nice 10), so a 100,000-email send takes the cores only when requests
//     leave them idle; one that dies is replaced. The embedded default stays one process doing both: PGlite allows
//     one per data folder.
// Options: PORT (3000), HOSTNAME, NEXT_DIST_DIR (.next), WEB_CONCURRENCY, JOBS (off: no job process).
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { crossSiteRefusal, isCrossSiteWrite } from "./cross-site.mjs";
import { createDirectRoutes } from "./direct-routes.mjs";
import { holdResponse } from "./hold-response.mjs";
import { createPageCache } from "./page-cache.mjs";
import { scriptlessCandidate, sendScriptless } from "./scriptless.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));

/** The largest body any route takes (a 5 MB portrait in multipart); everything else is capped lower per route. */
export const MAX_DECLARED_BODY_BYTES = 6 * 1024 * 1024;

const { securityHeaders, nonPagePolicy } = require("./scripts/security-headers.cjs");
/** On route answers this server gets from a handler directly: what next.config.js adds to Next's. */
const OWN_ROUTE_HEADERS = {
  ...Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value])),
  "Content-Security-Policy": nonPagePolicy,
};
/** On the answers this server writes itself (400, 403, 308, 413): the same headers as every other response. */
const OWN_HEADERS = { ...OWN_ROUTE_HEADERS, "Cache-Control": "no-store" };
/** How long a stopping process lets the requests in flight finish. */
const DRAIN_MS = 8_000;
const port = Number(process.env.PORT || 3000);
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
const embedded = !process.env.DATABASE_URL;
const hostname = process.env.HOSTNAME || (embedded ? "127.0.0.1" : "0.0.0.0");

process.env.NODE_ENV ||= "production";
process.env.NEXT_TELEMETRY_DISABLED ||= "1";

const processes = processCount();
/** Production: the job workers get a process of their own (below); JOBS=off: none here at all. */
const separateJobs = !embedded && process.env.JOBS !== "off";
/** How much less CPU the job process gets than a web process when both want it (a nice value, 0–19). */
export const JOBS_NICE = 10;
if (cluster.isPrimary && (processes > 1 || separateJobs)) {
  supervise(processes);
} else if (process.env.QOLDAU_ROLE === "jobs") {
  await work();
} else {
  await serve();
}

/** WEB_CONCURRENCY, else one per core in production and one on the embedded default. */
function processCount() {
  const raw = process.env.WEB_CONCURRENCY;
  if (!raw) return embedded ? 1 : os.availableParallelism();
  const count = Number(raw);
  const problem =
    !Number.isInteger(count) || count < 1 || count > 256
      ? "must be a whole number from 1 to 256"
      : embedded && count > 1
        ? "must be 1 on the embedded default (PGlite allows one process per data folder); set DATABASE_URL to run more"
        : null;
  if (problem) {
    console.error(`[qoldau] Invalid environment:\n  WEB_CONCURRENCY ${problem}`);
    process.exit(1);
  }
  return count;
}

/**
 * The primary: forks the serving processes, which share the listening socket (the kernel hands each new
 * connection to one of them), and replaces one that dies. One that dies before it listens means the
 * configuration is wrong: then everything stops, with its exit code.
 */
function supervise(count) {
  const jobs = separateJobs ? ` and a job process (nice ${JOBS_NICE})` : "";
  console.log(`[qoldau] starting ${count} web process${count === 1 ? "" : "es"} (${process.env.WEB_CONCURRENCY ? "WEB_CONCURRENCY" : "one per core"})${jobs}`);
  let stopping = false;
  let exitCode = 0;
  const stop = (code) => {
    exitCode ||= code;
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(exitCode), 15_000).unref();
  };
  const fork = (role) => {
    // A web process never starts the job workers; the job process never listens.
    const worker = cluster.fork(separateJobs ? { QOLDAU_ROLE: role, ...(role === "web" ? { JOBS: "off" } : {}) } : {});
    /** A web process once it listens, the job process once its workers run. */
    let ready = false;
    worker.once("listening", () => (ready = true));
    worker.on("message", (message) => {
      if (message?.qoldau === "jobs-ready") ready = true;
    });
    worker.once("exit", (code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
        return;
      }
      const how = signal ?? `exit ${code}`;
      if (!ready) {
        console.error(`[qoldau] a server process stopped before it could serve (${how}): stopping`);
        stop(code || 1);
        return;
      }
      console.error(`[qoldau] a ${role === "jobs" ? "job" : "server"} process died (${how}); starting another`);
      fork(role);
    });
  };
  for (let i = 0; i < count; i++) fork("web");
  if (separateJobs) fork("jobs");
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => stop(0));
}

/** Prepares Next without serving: its instrumentation hook (lib/server-start.ts) opens the database and starts the job workers. */
async function prepareNext() {
  // The standalone build (Dockerfile) carries the resolved config instead of next.config.js.
  const standaloneConfig = path.join(distDir, "required-server-files.json");
  if (!existsSync(path.join(root, "next.config.js")) && existsSync(standaloneConfig) && !process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) {
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(JSON.parse(readFileSync(standaloneConfig, "utf8")).config);
  }
  const next = require("next");
  const app = next({ dev: false, dir: root, hostname, port, customServer: true });
  await app.prepare();
  return app;
}

/**
 * Every thread of this process at nice JOBS_NICE. On Linux the nice value is per thread (setpriority on a thread
 * id changes that thread only), and a new thread starts with its creator's: so the ones running now are lowered
 * one by one, and those made later (libuv's pool, V8's helpers) inherit it. Elsewhere the main thread's only.
 */
function lowerPriority() {
  const tasks = "/proc/self/task";
  const ids = existsSync(tasks) ? readdirSync(tasks).map(Number) : [0];
  for (const id of ids) {
    try {
      os.setPriority(id, JOBS_NICE);
    } catch {
      // A thread that ended meanwhile.
    }
  }
}

/** The job process: the mail sender, the updates fan-out and the scheduled jobs; no HTTP server. */
async function work() {
  lowerPriority();
  await prepareNext();
  lowerPriority();
  process.send?.({ qoldau: "jobs-ready" });
  console.log(`[qoldau] job process ready (nice ${JOBS_NICE})`);
  // lib/server-start.ts stops the workers and closes the database on SIGTERM/SIGINT, then exits.
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => setTimeout(() => process.exit(0), 10_000).unref());
}

async function serve() {
  // Read by lib/http/client-address.ts; unguessable, so a client cannot send it.
  const peerHeader = `x-qoldau-peer-${randomBytes(12).toString("hex")}`;
  process.env.QOLDAU_PEER_HEADER = peerHeader;

  const app = await prepareNext();
  const handle = app.getRequestHandler();
  const pageCache = createPageCache();
  /** Next's answer; a supporter-facing page without Next's runtime (scripts/scriptless.mjs), then kept by the cache. */
  const renderPage = (req, res) => {
    if (scriptlessCandidate(req)) sendScriptless(req, res);
    return handle(req, res);
  };

  function wellFormedPath(url) {
    try {
      decodeURIComponent(url.split("?")[0]);
      return true;
    } catch {
      return false;
    }
  }

  // One origin: links in emails, Auth.js's redirects and the CSP's form-action 'self' all assume APP_URL's host.
  // A page opened under another name (127.0.0.1 for localhost, a bare IP, a second domain) goes there first, before
  // any form is shown. (Done here: Next's proxy treats localhost and 127.0.0.1 as one host and would loop.)
  const canonical = new URL(process.env.APP_URL || `http://localhost:${port}`);

  const directRoutes = createDirectRoutes({
    enabled: process.env.DIRECT_ROUTES !== "off",
    distDir,
    origin: canonical.origin,
    headers: OWN_ROUTE_HEADERS,
  });

  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    // A path that is not valid percent-encoding would reach Next's router and come back as its 500.
    if (!wellFormedPath(url)) {
      res.writeHead(400, { ...OWN_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
      res.end("Bad request: the address is not valid URL encoding.\n");
      return;
    }
    if ((req.method === "GET" || req.method === "HEAD") && req.headers.host !== canonical.host && !/^\/(api|_next)\//.test(url)) {
      // Always a path on our origin: "//evil.example/x" must not become a protocol-relative redirect.
      const target = url.startsWith("/") ? url.replace(/^\/+/, "/") : "/";
      res.writeHead(308, { ...OWN_HEADERS, Location: `${canonical.origin}${target}` });
      res.end();
      return;
    }
    if (isCrossSiteWrite(req, [canonical.host, req.headers.host ?? canonical.host])) {
      res.writeHead(403, { ...OWN_HEADERS, "Content-Type": "text/html; charset=utf-8", Connection: "close" });
      res.end(crossSiteRefusal(`${canonical.origin}/`));
      req.resume();
      return;
    }
    for (const name of Object.keys(req.headers)) if (name.startsWith("x-qoldau-peer")) delete req.headers[name];
    req.headers[peerHeader] = req.socket.remoteAddress ?? "";
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_DECLARED_BODY_BYTES) {
      res.writeHead(413, { ...OWN_HEADERS, "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
      res.end("Request body too large\n");
      req.resume();
      return;
    }
    // A signature and its confirmation: their handlers called directly (scripts/direct-routes.mjs).
    if (directRoutes.serve(req, res)) return;
    // Every method: a POST to a path no route answers gets Next's script-only 404 too (JSON for /api/, the page else).
    replaceScriptOnly404(req, res);
    pageCache.serve(req, res, renderPage).catch((error) => {
      console.error("[serve] request failed:", error instanceof Error ? error.name : "error");
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end();
    });
  });
  /**
   * Next 16 answers notFound() in a dynamic render with `<html id="__next_error__">`, whose 404 content lives only in
   * its scripts (vercel/next.js#62228, #97000): without JavaScript, a blank page. Such a 404 is sent instead as the
   * translated 404 page of the nearest not-found boundary (its page-not-found page, fetched once per locale through this
   * server, scripts removed: it needs none), keeping the status; an API path gets a JSON 404.
   */
  const locales = ["ru", "kk", "en"];
  /**
   * Each not-found boundary has a page-not-found page beside it (app/[locale]/page-not-found,
   * app/[locale]/confirm/page-not-found …; a unit test holds every not-found.tsx to that): their static prefixes,
   * longest first, from the build's own list of pages.
   */
  const notFoundPrefixes = (() => {
    try {
      const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "app-paths-manifest.json"), "utf8"));
      return Object.keys(manifest)
        .filter((page) => page.startsWith("/[locale]") && page.endsWith("/page-not-found/page"))
        .map((page) => page.slice("/[locale]".length, -"/page-not-found/page".length).replace(/\/\([^/]+\)/g, ""))
        .sort((a, b) => b.length - a.length);
    } catch {
      return [""];
    }
  })();
  const notFoundDocuments = new Map();
  function notFoundDocument(requestPath) {
    const [, first = "", ...rest] = requestPath.split("/");
    const locale = locales.includes(first) ? first : "ru";
    const inLocale = locales.includes(first) ? `/${rest.join("/")}` : "/";
    const prefix = notFoundPrefixes.find((p) => inLocale === p || inLocale.startsWith(`${p}/`)) ?? "";
    const page = `/${locale}${prefix}/page-not-found`;
    if (!notFoundDocuments.has(page)) {
      const doc = fetch(`http://127.0.0.1:${port}${page}`, { headers: { host: canonical.host } })
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${page} answered ${r.status}`))))
        .then((html) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "").replace(/<link\b[^>]*rel="(?:preload|modulepreload)"[^>]*>/g, ""));
      doc.catch(() => notFoundDocuments.delete(page));
      notFoundDocuments.set(page, doc);
    }
    return notFoundDocuments.get(page);
  }

  function decoded(raw, encoding) {
    try {
      if (encoding.includes("gzip")) return gunzipSync(raw).toString("utf8");
      if (encoding.includes("br")) return brotliDecompressSync(raw).toString("utf8");
      if (encoding.includes("deflate")) return inflateSync(raw).toString("utf8");
    } catch {
      return "";
    }
    return raw.toString("utf8");
  }

  function replaceScriptOnly404(req, res) {
    const script404 = () => res.statusCode === 404 && String(res.getHeader("content-type") ?? "").includes("text/html");
    holdResponse(res, script404, (raw, { status, writeHead, end }) => {
      const body = decoded(raw, String(res.getHeader("content-encoding") ?? ""));
      const requestPath = (req.url ?? "/").split("?")[0];
      const api = requestPath.startsWith("/api/");
      const finish = (doc) => {
        if (doc !== null) {
          res.removeHeader("content-length");
          res.removeHeader("etag");
          res.removeHeader("content-encoding");
          if (api) res.setHeader("content-type", "application/json");
        }
        if (status !== null) writeHead(status);
        end(req.method === "HEAD" ? undefined : (doc ?? raw));
      };
      if (!body.includes('id="__next_error__"')) {
        finish(null);
        return res;
      }
      (api ? Promise.resolve('{"error":"not_found"}') : notFoundDocument(requestPath))
        .catch(() => null)
        .then(finish)
        .catch(() => res.destroy());
      return res;
    });
  }

  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;

  server.listen(port, hostname, () => {
    const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
    console.log(
      `[qoldau] listening on http://${shown}:${port}/${embedded && !process.env.HOSTNAME ? " (loopback only: set HOSTNAME to listen elsewhere)" : ""}`,
    );
  });
  server.on("error", (error) => {
    console.error(`[qoldau] cannot listen on ${hostname}:${port}: ${error.message}`);
    process.exit(1);
  });

  /**
   * Stop taking connections and let the requests in flight finish (idle keep-alive connections close at once, busy
   * ones after their answer), at most DRAIN_MS. lib/server-start.ts, on the same signal, waits for this before it
   * closes the database: a signer whose POST arrived just before a deploy's SIGTERM gets their answer, not a 500.
   */
  let drained;
  const drain = () =>
    (drained ??= new Promise((resolve) => {
      // A keep-alive connection whose request ends after this is idle then: closed at the next tick of the sweep.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      const done = () => {
        clearInterval(sweep);
        resolve(undefined);
      };
      server.close(done);
      setTimeout(done, DRAIN_MS).unref();
    }));
  globalThis.qoldauDrain = drain;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      void drain();
      // lib/server-start.ts stops the job workers and closes the database on the same signal, then exits.
      setTimeout(() => process.exit(0), DRAIN_MS + 5_000).unref();
    });
  }
}
