import { expect, test } from "../support/fixtures";
import { locales, t } from "../support/site";

for (const locale of locales) {
  test(`unknown petitions and paths answer 404 with a page in ${locale}`, async ({ page }) => {
    for (const path of [`/${locale}/petitions/no-such-petition`, `/${locale}/petitions/NOT_A_SLUG!`, `/${locale}/no/such/page`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(locale, "notFound.title"));
      await expect(page.getByRole("main").getByRole("link", { name: t(locale, "notFound.home") })).toBeVisible();
    }
    // …and the way back works.
    await page.getByRole("main").getByRole("link", { name: t(locale, "notFound.petitions") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/petitions$`));
  });
}

test("an unknown language is a 404 too, never a 500", async ({ request }) => {
  for (const path of ["/de", "/de/profile", "/xx/petitions/drop-the-charges"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});
