import { createRequire } from "node:module";
import type { IncomingMessage } from "node:http";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { matchHas } from "next/dist/shared/lib/router/utils/prepare-destination";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";

// The headers next.config.js puts on answers, matched the way Next matches them (its own path and has/missing
// matchers), so a test can say what a given request gets.
const config = createRequire(import.meta.url)("./next.config.js") as NextConfig;

async function headersFor(path: string, request: { headers?: Record<string, string> } = {}) {
  const url = new URL(path, "https://qoldau.example.org");
  const req = { headers: Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])) } as IncomingMessage;
  const query = Object.fromEntries(url.searchParams);
  const out: Record<string, string> = {};
  for (const rule of (await config.headers!()) ?? []) {
    if (!getPathMatch(rule.source)(url.pathname)) continue;
    if (!matchHas(req, query, rule.has, rule.missing)) continue;
    for (const { key, value } of rule.headers) out[key.toLowerCase()] ??= value; // the first set wins in Next
  }
  return out;
}

const publicAnswers = [
  "/ru",
  "/kk/profile",
  "/en/petitions",
  "/ru/petitions/drop-the-charges",
  "/kk/petitions/drop-the-charges/signers",
  "/api/v1/petitions/drop-the-charges",
  "/en/rallies",
  "/kk/rallies/march-for-marat",
  "/api/v1/rallies/march-for-marat/calendar.ics",
  "/api/v1/campaigns/free-marat/rallies.ics",
  "/en/updates",
  "/kk/updates/3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f",
  "/api/v1/updates/ru/feed.atom",
];

describe("next.config.js headers", () => {
  it("marks the public pages and the count JSON for shared caches, in every language", async () => {
    for (const path of publicAnswers) expect((await headersFor(path))["cache-control"], path).toMatch(/^public, max-age=0, s-maxage=\d/);
    expect((await headersFor("/en/petitions/x", { headers: { cookie: "__cf_bm=1; theme=dark" } }))["cache-control"]).toMatch(/^public/);
  });

  it("never for a request with a sign-in cookie, nor for a client navigation's RSC payload", async () => {
    for (const path of publicAnswers) {
      for (const headers of <Array<Record<string, string>>>[
        { cookie: "authjs.session-token=abc" },
        { cookie: "x=1; __Secure-authjs.session-token=abc" },
        { rsc: "1" },
        { "next-router-prefetch": "1" },
      ]) {
        expect((await headersFor(path, { headers }))["cache-control"], `${path} ${JSON.stringify(headers)}`).toBeUndefined();
      }
      expect((await headersFor(`${path}?_rsc=abc`))["cache-control"], path).toBeUndefined();
    }
  });

  it("leaves everything else to Next's private, no-store: the dashboard, sign-in, confirmation, thanks, mailbox", async () => {
    for (const path of ["/", "/ru/dashboard", "/en/sign-in", "/en/confirm/abc", "/ru/petitions/x/thanks", "/ru/petitions/x/signed", "/ru/dev/mailbox", "/ru/dashboard/updates/3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f/progress", "/de", "/api/v1/petitions/x/signatures", "/api/health"]) {
      expect((await headersFor(path))["cache-control"], path).toBeUndefined();
    }
  });

  it("keeps a shared copy no longer than the 5 s a count may lag", async () => {
    const value = (await headersFor("/ru"))["cache-control"]!;
    const seconds = (name: string) => Number(new RegExp(`(?:^|, )${name}=(\\d+)`).exec(value)?.[1]);
    expect(seconds("s-maxage") + seconds("stale-while-revalidate")).toBeLessThan(5);
    expect(seconds("max-age")).toBe(0);
  });

  it("puts the security headers on everything, and the script-free policy on what is not a page", async () => {
    for (const path of ["/ru", "/api/v1/petitions/x", "/styles.css", "/_next/static/chunks/a.js", "/media/x.webp"]) {
      const h = await headersFor(path);
      expect(h["x-content-type-options"], path).toBe("nosniff");
      expect(h["strict-transport-security"], path).toMatch(/max-age=\d{8}/);
    }
    expect((await headersFor("/ru"))["content-security-policy"]).toBeUndefined(); // proxy.ts: a nonce per response
    expect((await headersFor("/api/v1/petitions/x"))["content-security-policy"]).toMatch(/^default-src 'none'/);
    expect((await headersFor("/api/dev/mailbox/x"))["content-security-policy"]).toBeUndefined(); // sets its own sandbox
  });
});
