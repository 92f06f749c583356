import { describe, expect, it } from "vitest";
import { crossSiteRefusal, isCrossSiteWrite } from "./cross-site.mjs";

const own = ["qoldau.example", "localhost:3000"];
const post = (headers: Record<string, string>) => ({ method: "POST", headers });

describe("cross-site writes", () => {
  it("lets through the writes that carry their own credential: one-click unsubscribe and the provider's webhooks", () => {
    const from = (url: string) => ({ method: "POST", url, headers: { "sec-fetch-site": "cross-site", origin: "https://mail.example" } });
    expect(isCrossSiteWrite(from("/api/v1/unsubscribe/abcDEF_123-x"), own)).toBe(false);
    expect(isCrossSiteWrite(from("/api/v1/webhooks/resend"), own)).toBe(false);
    expect(isCrossSiteWrite({ method: "POST", url: "/api/v1/unsubscribe/abc", headers: {} }, own)).toBe(false);
    // Not a prefix trick: everything else is judged by its headers.
    expect(isCrossSiteWrite(from("/api/v1/unsubscribe/abc/../../petitions/x/signatures"), own)).toBe(true);
    expect(isCrossSiteWrite(from("/api/v1/webhooks/../petitions/x/signatures"), own)).toBe(true);
    expect(isCrossSiteWrite(from("/api/v1/subscriptions/manage"), own)).toBe(true);
    expect(isCrossSiteWrite(from("/api/v1/campaigns/x/subscribers"), own)).toBe(true);
  });

  it("refuses a browser's write from another site, whatever header says so", () => {
    expect(isCrossSiteWrite(post({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }), own)).toBe(true);
    expect(isCrossSiteWrite(post({ "sec-fetch-site": "same-site" }), own)).toBe(true);
    expect(isCrossSiteWrite(post({ origin: "https://evil.example" }), own)).toBe(true);
    expect(isCrossSiteWrite(post({ origin: "null" }), own)).toBe(true);
    expect(isCrossSiteWrite(post({ origin: "https://qoldau.example.evil.example" }), own)).toBe(true);
    expect(isCrossSiteWrite(post({ origin: "file://" }), own)).toBe(true);
    expect(isCrossSiteWrite(post({ origin: "not a url" }), own)).toBe(true);
    // Sec-Fetch-Site is the browser's own word: a forged same-looking Origin does not override it.
    expect(isCrossSiteWrite(post({ "sec-fetch-site": "cross-site", origin: "https://qoldau.example" }), own)).toBe(true);
    expect(isCrossSiteWrite({ method: "put", headers: { origin: "https://evil.example" } }, own)).toBe(true);
  });

  it("lets our own pages, typed addresses and non-browser clients through", () => {
    expect(isCrossSiteWrite(post({ "sec-fetch-site": "same-origin", origin: "https://qoldau.example" }), own)).toBe(false);
    expect(isCrossSiteWrite(post({ "sec-fetch-site": "none" }), own)).toBe(false);
    expect(isCrossSiteWrite(post({ origin: "https://QOLDAU.example" }), own)).toBe(false);
    expect(isCrossSiteWrite(post({ origin: "http://localhost:3000" }), own)).toBe(false);
    expect(isCrossSiteWrite(post({}), own)).toBe(false); // an API client, a mail provider's one-click unsubscribe
    expect(isCrossSiteWrite({ method: "GET", headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } }, own)).toBe(false);
  });

  it("says why in three languages and escapes the link", () => {
    const page = crossSiteRefusal('https://q.example/"><script>');
    expect(page).toContain("Запрос отклонён");
    expect(page).toContain("Сұрау қабылданбады");
    expect(page).toContain("Request refused");
    expect(page).not.toContain("<script>");
  });
});
