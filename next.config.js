// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The security headers and the policy of non-page answers: one list, shared with scripts/serve.mjs.
const { securityHeaders, nonPagePolicy } = require("./scripts/security-headers.cjs");

/**
 * Who may keep a copy. Public pages and the count JSON are the same for every visitor without a session, so
 * shared caches — scripts/page-cache.mjs in each app process, and a CDN if there is one — may serve them for
 * `s-maxage` seconds and then, while one request renders the next copy, `stale-while-revalidate` more: nothing
 * is ever more than 4 s old, so a confirmed signature shows in the count within 5 s, and an organizer's edit too,
 * on every process, with nothing to invalidate. Browsers always ask again (max-age=0). If the app is down, a CDN
 * may show the last copy for an hour (stale-if-error) rather than an error.
 */
const publicCacheControl = "public, max-age=0, s-maxage=2, stale-while-revalidate=2, stale-if-error=3600";

/**
 * The public answers. Only what is listed here is ever shared: a new public page (rallies, updates…) adds its
 * path once its content is the same for everyone — no session, cookie or personal data in it. Everything else
 * keeps Next's own `private, no-cache, no-store` (the dashboard, sign-in, confirmation and thank-you pages).
 */
const publicPaths = [
  "/:locale(ru|kk|en)",
  "/:locale(ru|kk|en)/profile",
  "/:locale(ru|kk|en)/petitions",
  "/:locale(ru|kk|en)/petitions/:slug([a-z0-9-]+)",
  "/:locale(ru|kk|en)/petitions/:slug([a-z0-9-]+)/signers",
  "/:locale(ru|kk|en)/rallies",
  "/:locale(ru|kk|en)/rallies/:slug([a-z0-9-]+)",
  "/:locale(ru|kk|en)/updates",
  "/:locale(ru|kk|en)/updates/:id([0-9a-f-]{36})",
  "/api/v1/updates/:locale(ru|kk|en)/feed.atom",
  "/:locale(ru|kk|en)/subscribe/check-email",
  "/:locale(ru|kk|en)/subscribe/confirmed",
  "/api/v1/petitions/:slug([a-z0-9-]+)",
  "/api/v1/rallies/:slug([a-z0-9-]+)/calendar.ics",
  "/api/v1/campaigns/:slug([a-z0-9-]+)/rallies.ics",
];

/**
 * Not for a request with one of our sign-in cookies (an organizer's answer is theirs; scripts/page-cache.mjs
 * bypasses them by the same rule), nor for a client navigation's RSC payload (Next's own, never shared; marked
 * public, its router refetches it in a loop). Decided here because proxy.ts never sees the RSC headers.
 */
const sharedOnlyWhen = [
  { type: "cookie", key: "authjs.session-token" },
  { type: "cookie", key: "__Secure-authjs.session-token" },
  { type: "header", key: "rsc" },
  { type: "header", key: "next-router-prefetch" },
  { type: "query", key: "_rsc" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Dockerfile builds with NEXT_OUTPUT=standalone; `next start` (the run command) needs the default.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native/WASM and worker packages stay as plain node_modules at run time.
  // pdfkit loads its data files (and fontkit's) from its own folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "postgres", "pg", "pdfkit", "fontkit"],
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*", "./assets/fonts/**/*"] },
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // What proxy.ts does not see (its matcher: not api, not _next, nothing with a dot), but the mail view.
      {
        source: "/:path((?!api/dev/mailbox/)(?:api|_next|.*\\.).*)",
        headers: [{ key: "Content-Security-Policy", value: nonPagePolicy }],
      },
      ...publicPaths.map((source) => ({
        source,
        missing: /** @type {import('next/dist/lib/load-custom-routes').RouteHas[]} */ (sharedOnlyWhen),
        headers: [{ key: "Cache-Control", value: publicCacheControl }],
      })),
    ];
  },
};

module.exports = withNextIntl(nextConfig);
