// Public pages as documents: Next's and React's runtime taken out of the HTML (scripts/serve.mjs).
//
// Every page a supporter sees works without JavaScript (server-rendered, real forms) and has no client component:
// what the runtime would do there is hydrate a page that never changes. Its cost is real on a phone — ~138 kB of
// gzipped script and hundreds of milliseconds of main-thread work — so the supporter-facing pages are sent
// without it, keeping the one small script of our own (public/enhance.js) that adds what JavaScript can add.
// The organizer's pages (dashboard, sign-in) and the embedded default's own tools keep the runtime: they use
// client components. Only complete 200 HTML answers are changed; errors, 404s, files, JSON and client-navigation
// payloads pass as they are.
import { gzipSync } from "node:zlib";
import { holdResponse } from "./hold-response.mjs";
import { acceptsGzip } from "./page-cache.mjs";

/** Pages that keep Next's runtime: the organizer's area and the dev tools. */
const KEEPS_RUNTIME = /^\/(?:ru|kk|en)\/(?:dashboard|sign-in|dev)(?:\/|$)/;
const LOCALE_PAGE = /^\/(?:ru|kk|en)(?:\/|$)/;
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];

/**
 * Whether the answer to this request may be a supporter-facing page to send without the runtime.
 * @param {import("node:http").IncomingMessage} req
 */
export function scriptlessCandidate(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "/";
  const path = url.split("?")[0];
  if (!LOCALE_PAGE.test(path) || KEEPS_RUNTIME.test(path)) return false;
  if (/[?&]_rsc=/.test(url)) return false;
  return !ROUTER_HEADERS.some((h) => h in req.headers);
}

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const PRELOAD = /<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/gi;

/**
 * The document without Next's scripts: its chunks (`src="/_next/…"`), the inline RSC payload and bootstrap,
 * and the preloads of scripts. Other scripts (ours, from public/; JSON data blocks) stay.
 * @param {string} html
 */
export function stripNextRuntime(html) {
  return html
    .replace(SCRIPT, (tag, attributes) => (keeps(attributes) ? tag : ""))
    .replace(PRELOAD, (tag) => (/\bas="script"/.test(tag) || /rel="modulepreload"/.test(tag) ? "" : tag));
}

/** @param {string} attributes */
function keeps(attributes) {
  if (/\btype="application\/(?:ld\+)?json"/.test(attributes)) return true;
  const src = /\bsrc="([^"]*)"/.exec(attributes);
  return Boolean(src && !src[1].startsWith("/_next/"));
}

/** The `Link` header without its script preloads. @param {string} value */
export function linkWithoutScripts(value) {
  return value
    .split(/,(?=\s*<)/)
    .filter((entry) => !/;\s*as="?script"?/i.test(entry) && !/rel="?modulepreload"?/i.test(entry))
    .join(",");
}

/**
 * Holds this response's page until it is complete, then sends it without the runtime — gzipped if the client
 * takes gzip (Next is asked for the identity body: the Accept-Encoding is taken off the request).
 * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
 */
export function sendScriptless(req, res) {
  const gzip = acceptsGzip(req);
  delete req.headers["accept-encoding"];
  const wholePage = () => res.statusCode === 200 && String(res.getHeader("content-type") ?? "").startsWith("text/html") && !res.getHeader("content-encoding");
  holdResponse(res, wholePage, (html, { status, writeHead, end }) => {
    const page = Buffer.from(stripNextRuntime(html.toString("utf8")));
    const body = gzip && page.length >= 1024 ? gzipSync(page) : page;
    res.removeHeader("etag");
    if (body !== page) res.setHeader("content-encoding", "gzip");
    const vary = String(res.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    if (req.method === "HEAD") res.removeHeader("content-length");
    else res.setHeader("content-length", String(body.length));
    const link = res.getHeader("link");
    if (typeof link === "string") {
      const kept = linkWithoutScripts(link);
      if (kept) res.setHeader("link", kept);
      else res.removeHeader("link");
    }
    writeHead(status ?? res.statusCode);
    return end(req.method === "HEAD" ? undefined : body);
  });
}
