// @ts-check
// The two POSTs a viral moment makes by the thousand — a signature and its confirmation — answered by their route
// handlers called directly, without Next's request machinery around them (its router, its header rules, its
// request and response adapters). Measured on 2 cores, one hot petition, 64 connections, 2 processes: 660
// signatures/s through Next, 1,982/s called directly; Next's part was two thirds of the CPU of a signature.
//
// What Next adds to these answers is added here too, so a client sees the same answer either way (checked by
// e2e/supporter/direct-routes.spec.ts against Next's own, route by route): the security headers and the non-page
// CSP of next.config.js (which win over the route's own), and gzip for a body of 1 KB or more when the client
// takes it. The handlers need nothing of Next's request scope: they read only the Request they are given (the
// route boundary, lib/http/boundary.tsx, turns every error into an answer). Any other method or path, a build without
// these routes, and everything when DIRECT_ROUTES=off, goes to Next as before.
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { acceptsGzip } from "./page-cache.mjs";

/** Path → the route's page in the build's app-paths-manifest.json, and the params its handler gets. */
const ROUTES = [
  {
    pattern: /^\/api\/v1\/petitions\/([^/]+)\/signatures$/,
    page: "/api/v1/petitions/[slug]/signatures/route",
    params: (/** @type {string[]} */ m) => ({ slug: decodeURIComponent(m[1] ?? "") }),
  },
  { pattern: /^\/api\/v1\/signatures\/confirm$/, page: "/api/v1/signatures/confirm/route", params: () => ({}) },
];

/** Next's own threshold (the `compression` middleware's default). */
const GZIP_MIN_BYTES = 1024;

/**
 * @typedef {import("node:http").IncomingMessage} Req
 * @typedef {import("node:http").ServerResponse} Res
 * @typedef {(request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>} Handler
 */

/**
 * @param {{ enabled: boolean; distDir: string; origin: string; headers: Record<string, string> }} options
 *   enabled: false (DIRECT_ROUTES=off) leaves every request to Next; headers: what every answer carries (security headers and the non-page CSP), over the route's own.
 * @returns {{ serve(req: Req, res: Res): boolean }}
 */
export function createDirectRoutes({ enabled, distDir, origin, headers }) {
  const require = createRequire(path.join(distDir, "server", "noop.js"));
  /** @type {Record<string, string>} */
  let manifest = {};
  try {
    if (enabled) manifest = require("./app-paths-manifest.json");
  } catch {
    // No build here: everything goes to Next.
  }
  const loaded = ROUTES.flatMap((route) => {
    const file = manifest[route.page];
    if (!file) return [];
    /** @type {Handler | undefined} */
    let handler;
    return [
      {
        ...route,
        /** Loaded on first use, as Next does: from the same module registry, so the same database pool. */
        handler: () => {
          if (!handler) {
            const post = require(`./${file}`)?.routeModule?.userland?.POST;
            if (typeof post !== "function") throw new Error(`${route.page} has no POST handler`);
            handler = post;
          }
          return handler;
        },
      },
    ];
  });
  const lowered = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

  /** @param {Req} req @param {Res} res @returns {boolean} whether this answers it */
  function serve(req, res) {
    if (req.method !== "POST") return false;
    const url = req.url ?? "/";
    const pathname = url.split("?")[0] ?? "/";
    for (const route of loaded) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      let handler;
      try {
        handler = route.handler();
      } catch {
        return false; // a build whose route is not what we expect: Next answers it
      }
      answer(req, res, handler, `${origin}${url}`, route.params(match)).catch((error) => {
        console.error("[serve] request failed:", error instanceof Error ? error.name : "error");
        if (res.headersSent) return void res.end();
        res.writeHead(500, { ...lowered, "content-type": "application/json" });
        res.end('{"error":"internal"}');
      });
      return true;
    }
    return false;
  }

  /** @param {Req} req @param {Res} res @param {Handler} handler @param {string} url @param {Record<string, string>} params */
  async function answer(req, res, handler, url, params) {
    const requestHeaders = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") requestHeaders.set(name, value);
      else if (Array.isArray(value)) for (const v of value) requestHeaders.append(name, v);
    }
    const request = new Request(url, {
      method: "POST",
      headers: requestHeaders,
      body: /** @type {ReadableStream} */ (Readable.toWeb(req)),
      // @ts-expect-error: Node's fetch needs it for a streamed body; lib.dom does not know it
      duplex: "half",
    });
    const response = await handler(request, { params: Promise.resolve(params) });
    /** @type {Record<string, string | string[]>} */
    const out = {};
    response.headers.forEach((value, name) => {
      if (name !== "set-cookie") out[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) out["set-cookie"] = cookies;
    Object.assign(out, lowered);
    let body = Buffer.from(await response.arrayBuffer());
    if (body.length >= GZIP_MIN_BYTES && !out["content-encoding"]) {
      out.vary = out.vary ? `${out.vary}, Accept-Encoding` : "Accept-Encoding";
      if (acceptsGzip(req)) {
        body = gzipSync(body);
        out["content-encoding"] = "gzip";
      }
    }
    out["content-length"] = String(body.length);
    res.writeHead(response.status, response.statusText || undefined, out);
    res.end(body);
  }

  return { serve };
}
