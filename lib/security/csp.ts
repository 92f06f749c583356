/**
 * Content-Security-Policy for pages: our own origin only, scripts by nonce (proxy.ts makes one per response).
 * Every other response (JSON, files, the HTML a route handler writes) gets the stricter policy in
 * next.config.js, and every response the headers listed there (HSTS, nosniff, Referrer-Policy, framing).
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The proof-of-work widget's worker, a file of ours (public/pow.js starts it); no blob: workers.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits as hex: nothing in it that HTML, JSON or a header would escape. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
