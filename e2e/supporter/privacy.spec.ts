import type { Browser, Page } from "@playwright/test";
import { contextWithSession, createUser, seededCampaignId } from "../organizer/helpers";
import { createRallyIn } from "../rallies/helpers";
import { expect, test } from "../support/fixtures";
import { everyPage, petitionSlug } from "../support/site";

// Nothing a supporter loads comes from, or goes to, another host; scripts run only by nonce.

/** Opens `url` twice (the second is usually a copy from the shared cache, its nonce swapped for a fresh one). */
async function expectStrictCsp(page: Page, url: string, status: number, origin: string) {
  const requests: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("data:")) requests.push(request.url());
  });
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/content security policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });

  await page.goto(url);
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(status);
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
  if (status === 200) expect(scripts.length, url).toBeGreaterThan(0); // (404s go out without scripts: scripts/serve.mjs)
  expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
  expect(violations).toEqual([]);
}

for (const { name, locale, url, status } of everyPage) {
  test(`${name} page in ${locale} stays on our origin under a strict CSP`, async ({ page, baseURL }) => {
    await expectStrictCsp(page, url, status, new URL(baseURL ?? "").origin);
  });
}

async function eachPage(browser: Browser, baseURL: string, urls: string[], signedInAs?: string) {
  const context = signedInAs ? await contextWithSession(browser, baseURL, signedInAs) : await browser.newContext({ baseURL });
  try {
    for (const url of urls) {
      const page = await context.newPage();
      await expectStrictCsp(page, url, 200, new URL(baseURL).origin);
      await page.close();
    }
  } finally {
    await context.close();
  }
}

test("the rallies, a rally, the signers, the sign-in and the after-signing pages stay on our origin under a strict CSP", async ({ browser, baseURL }) => {
  const { slug } = await createRallyIn(await seededCampaignId());
  await eachPage(browser, baseURL!, [
    "/en/rallies",
    `/en/rallies/${slug}`,
    `/kk/rallies/${slug}`,
    `/en/petitions/${petitionSlug}/signers`,
    `/en/petitions/${petitionSlug}/thanks`,
    "/ru/sign-in",
  ]);
});

test("an organizer's pages, public and private, stay on our origin under a strict CSP", async ({ browser, baseURL }) => {
  const organizer = await createUser("organizer", [await seededCampaignId()]);
  await eachPage(browser, baseURL!, ["/en", `/en/petitions/${petitionSlug}`, "/en/dashboard"], organizer.id);
});
