import { expect, test } from "../support/fixtures";
import { everyPage } from "../support/site";

// Nothing a supporter loads comes from, or goes to, another host; scripts run only by nonce.
for (const { name, locale, url, status } of everyPage) {
  test(`${name} page in ${locale} stays on our origin under a strict CSP`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL ?? "").origin;
    const requests: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith("data:")) requests.push(request.url());
    });
    const violations: string[] = [];
    await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });

    // Twice: the second is usually a copy from the shared cache, whose nonce was swapped for a fresh one.
    await page.goto(url);
    const response = await page.goto(url);
    expect(response?.status()).toBe(status);
    await page.waitForLoadState("networkidle");

    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => new URL(r).origin !== origin)).toEqual([]);

    const csp = response?.headers()["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/'nonce-[^']+'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("default-src 'self'");
    // Every script the HTML carries has the nonce of this response's policy.
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
    if (status === 200) expect(scripts.length).toBeGreaterThan(0); // (404s go out without scripts: scripts/serve.mjs)
    expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
    expect(violations).toEqual([]);
  });
}
