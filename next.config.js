// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * On every response, whatever answers it (pages, route handlers, Next's own errors, files in public/ and
 * _next/static). Browsers honour HSTS only over HTTPS, so on the embedded default's plain-HTTP loopback it is
 * inert; behind a production TLS proxy it pins the site to HTTPS.
 */
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * Responses that are not pages (JSON, files, images, the HTML of the no-JavaScript sign-error page that a route
 * handler writes): no script runs, only our stylesheet and images load, forms post only to us, nobody frames it.
 * Pages get a nonce policy from proxy.ts instead. A header set here wins over a route handler's own, so the dev
 * mailbox's sandboxed mail view, which needs the mail's inline styles, is left to set its own.
 */
const nonPagePolicy =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

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
    ];
  },
};

module.exports = withNextIntl(nextConfig);
