// @ts-check
/**
 * On every response, whatever answers it (pages, route handlers, Next's own errors, files in public/ and
 * _next/static — next.config.js — and scripts/serve.mjs's own answers). Browsers honour HSTS only over HTTPS, so on
 * the embedded default's plain-HTTP loopback it is inert; behind a production TLS proxy it pins the site to HTTPS.
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

module.exports = { securityHeaders, nonPagePolicy };
