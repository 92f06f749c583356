import { expect, test } from "../support/fixtures";
import { locales, petitionSlug, t } from "../support/site";

// A supporter on a phone downloads no framework: the public pages are documents (scripts/scriptless.mjs), with one
// small script of ours (public/enhance.js). The organizer's pages keep Next's runtime, which they use.

/** Every script a page made the browser fetch, with its size as sent (compressed). */
async function scriptsOf(page: import("@playwright/test").Page, path: string) {
  const scripts: Array<Promise<{ url: string; bytes: number }>> = [];
  const onResponse = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(response.request().sizes().then((sizes) => ({ url: new URL(response.url()).pathname, bytes: sizes.responseBodySize })));
  };
  page.on("response", onResponse);
  await page.goto(path, { waitUntil: "load" });
  page.off("response", onResponse);
  return Promise.all(scripts);
}

for (const locale of locales) {
  test(`the home, profile, petition and rallies pages load no framework script, only ours (${locale})`, async ({ page }) => {
    for (const path of ["", "/profile", "/petitions", `/petitions/${petitionSlug}`, "/rallies"]) {
      const scripts = await scriptsOf(page, `/${locale}${path}`);
      // enhance.js everywhere; pow.js (the proof of work's loader) only where a sign, RSVP or subscribe form is.
      const hasForm = (await page.locator("form[data-pow]").count()) > 0;
      expect(scripts.map((s) => s.url).sort(), path).toEqual(hasForm ? ["/enhance.js", "/pow.js"] : ["/enhance.js"]);
      for (const s of scripts) expect(s.bytes, `${path} ${s.url}`).toBeLessThan(4_000);
      expect(await page.locator("script:not([src])").count(), `${path}: inline scripts`).toBe(0);
    }
  });
}

test("the sign-in page keeps Next's runtime for its client components", async ({ page }) => {
  const scripts = await scriptsOf(page, "/en/sign-in");
  expect(scripts.some((s) => s.url.startsWith("/_next/static/"))).toBe(true);
});

test("with JavaScript on, the sign button says it is working while the signature is sent, and the mistake comes back in place", async ({ page }) => {
  await page.goto(`/en/petitions/${petitionSlug}`);
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/v1/petitions/${petitionSlug}/signatures*`, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByLabel(t("en", "signForm.name")).fill("Aliya");
  await page.getByLabel(t("en", "signForm.email")).fill("not-an-address");
  await page.getByRole("button", { name: t("en", "signForm.submit") }).click();
  await expect(page.getByRole("button", { name: t("en", "signForm.pending") })).toBeDisabled();
  release();
  await expect(page.getByRole("alert")).toBeFocused();
  await expect(page.getByRole("alert")).toContainText(t("en", "signForm.errors.email_invalid"));
  await expect(page.getByRole("button", { name: t("en", "signForm.submit") })).toBeEnabled();
  await expect(page.getByLabel(t("en", "signForm.name"))).toHaveValue("Aliya");
});
