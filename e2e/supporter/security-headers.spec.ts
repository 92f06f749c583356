import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIResponse } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { petitionSlug } from "../support/site";

/** What every answer carries, page or not: no framing, no sniffing, no referrer, HTTPS pinned, a CSP. */
function expectSecurityHeaders(what: string, headers: Record<string, string>) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: CSP`).toContain("base-uri 'none'");
  expect(csp, `${what}: CSP`).not.toContain("unsafe-inline");
  expect(headers["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  expect(headers["referrer-policy"], `${what}: Referrer-Policy`).toBe("no-referrer");
  expect(headers["x-frame-options"], `${what}: X-Frame-Options`).toBe("DENY");
  const maxAge = Number(/max-age=(\d+)/.exec(headers["strict-transport-security"] ?? "")?.[1] ?? 0);
  expect(maxAge, `${what}: HSTS for at least a year`).toBeGreaterThanOrEqual(31_536_000);
}

const headersOf = (response: APIResponse) => response.headers();

test("a page, a JSON answer, the no-JavaScript sign-error page, files and a 404 all carry the security headers", async ({
  request,
  page,
}) => {
  const petition = await request.get(`/en/petitions/${petitionSlug}`);
  expect(petition.status()).toBe(200);
  expectSecurityHeaders("petition page", headersOf(petition));
  expect(headersOf(petition)["content-security-policy"]).toMatch(/script-src [^;]*'nonce-/);

  const json = await request.get(`/api/v1/petitions/${petitionSlug}`);
  expect(json.status()).toBe(200);
  expectSecurityHeaders("count JSON", headersOf(json));

  // The form posted without JavaScript, with mistakes: the route handler answers with an HTML page.
  const signError = await request.post(`/api/v1/petitions/${petitionSlug}/signatures`, {
    form: { locale: "en", name: "", email: "not-an-address" },
    headers: { Accept: "text/html" },
  });
  expect(signError.status()).toBe(422);
  expect(headersOf(signError)["content-type"]).toContain("text/html");
  expectSecurityHeaders("sign-error page", headersOf(signError));

  await page.goto(`/en/petitions/${petitionSlug}`);
  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
  const script = await page.locator("script[src]").first().getAttribute("src");
  for (const file of [stylesheet!, script!]) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    expectSecurityHeaders(file, headersOf(response));
  }

  const missing = await request.get("/api/v1/no-such-route");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders("unknown API route", headersOf(missing));
});

test("the sign-error page cannot be framed by another site", async ({ page, baseURL }) => {
  // Another site (a server of its own on another port) posts the form into a frame of its page.
  const framer = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<form method="post" target="f" action="${baseURL}/api/v1/petitions/${petitionSlug}/signatures">
               <input name="locale" value="en"><input name="email" value="x"></form>
             <iframe name="f" title="f"></iframe><script>document.forms[0].submit()</script>`);
  });
  await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = framer.address() as AddressInfo;
    const blocked = page.waitForEvent("console", (m) => m.text().includes("frame-ancestors"));
    await page.goto(`http://127.0.0.1:${port}/`);
    await blocked;
    await expect(page.frame({ name: "f" })!.locator('input[name="email"]')).toHaveCount(0);
  } finally {
    framer.close();
  }
});

test("no header or link in a page echoes the host a client claims", async ({ baseURL }) => {
  const get = (url: URL, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
      const req = httpRequest(url, { headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on("error", reject);
      req.end();
    });
  const url = new URL(`/ru/petitions/${petitionSlug}`, baseURL);
  // A foreign Host is sent to APP_URL; forwarded-host headers from a client change nothing either.
  const foreign = await get(url, { Host: "attacker.example" });
  expect(foreign.status).toBe(308);
  const forwarded = await get(url, { "X-Forwarded-Host": "attacker.example", "X-Forwarded-Proto": "https", Forwarded: "host=attacker.example" });
  expect(forwarded.status).toBe(200);
  expect(forwarded.body).toContain("<html");
  for (const answer of [foreign, forwarded]) {
    expect(JSON.stringify(answer.headers)).not.toContain("attacker.example");
    expect(answer.body).not.toContain("attacker.example");
    // Languages are listed in the page on APP_URL, never in a header built from the request.
    expect(String(answer.headers.link ?? "")).not.toContain("alternate");
  }
  const alternate = `<link rel="alternate" hreflang="kk" href="${baseURL}/kk/petitions/${petitionSlug}"`;
  expect(forwarded.body.toLowerCase()).toContain(alternate.toLowerCase());
});
