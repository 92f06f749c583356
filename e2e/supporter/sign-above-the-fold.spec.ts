import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { locales, petitionSlug, t } from "../support/site";

// A phone's first screen: GOV.UK's petitions put the sign action above the fold.
test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });

/** Where the form and its first field are on the screen as it is now (scrolled or not). */
async function formOnScreen(page: Page, locale: (typeof locales)[number]) {
  const form = await page.locator("#sign-petition-form").boundingBox();
  const name = await page.getByLabel(t(locale, "signForm.name")).boundingBox();
  const label = await page.locator('label[for="sign-name"]').boundingBox();
  return { form: form!, name: name!, label: label! };
}

for (const javaScriptEnabled of [true, false]) {
  for (const locale of locales) {
    test(`the sign form starts within the first 320 × 640 screen of the petition page (${locale}, JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, javaScriptEnabled, viewport: { width: 320, height: 640 }, isMobile: true });
      const page = await context.newPage();
      await page.goto(`/${locale}/petitions/${petitionSlug}`);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const { form, name, label } = await formOnScreen(page, locale);
      expect(form.y, "the form's top edge").toBeLessThan(640);
      expect(label.y, "the first field's label").toBeGreaterThanOrEqual(0);
      expect(name.y + name.height, "the first field's bottom edge").toBeLessThanOrEqual(640);
      expect(form.x).toBeGreaterThanOrEqual(0);
      expect(form.x + form.width).toBeLessThanOrEqual(320);
      // The petition's text is still on the page, after the form.
      const text = await page.getByRole("heading", { level: 2, name: t(locale, "petitions.textHeading") }).boundingBox();
      expect(text!.y).toBeGreaterThan(form.y);
      await context.close();
    });
  }

  test(`the home page's "Add your name" lands on the form (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled, viewport: { width: 320, height: 640 }, isMobile: true });
    const page = await context.newPage();
    await page.goto("/en");
    await page.getByRole("link", { name: t("en", "home.cta") }).click();
    await expect(page).toHaveURL(new RegExp(`/en/petitions/${petitionSlug}#sign-form$`));
    await expect(page.getByLabel(t("en", "signForm.name"))).toBeInViewport();
    const { form, name } = await formOnScreen(page, "en");
    expect(form.y).toBeGreaterThanOrEqual(0);
    expect(form.y).toBeLessThan(160);
    expect(name.y + name.height).toBeLessThanOrEqual(640);
    await context.close();
  });
}
