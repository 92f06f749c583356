import { expect, test } from "../support/fixtures";
import { campaign, t } from "../support/site";

test("the language switcher works with JavaScript disabled and keeps the page", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  try {
    await page.goto("/en/profile");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const switcher = page.getByRole("navigation", { name: t("en", "nav.language") });
    await expect(switcher.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "true");

    await switcher.getByRole("link", { name: "Русский" }).click();
    await expect(page).toHaveURL(/\/ru\/profile$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.profile.name.ru);
    await expect(page.getByRole("heading", { name: t("ru", "profile.timeline") })).toBeVisible();

    await page.getByRole("navigation", { name: t("ru", "nav.language") }).getByRole("link", { name: "Қазақша" }).click();
    await expect(page).toHaveURL(/\/kk\/profile$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");
    await expect(page.getByRole("heading", { name: t("kk", "profile.timeline") })).toBeVisible();

    await page.goto(`/kk/petitions/${campaign.petition.slug}`);
    await page.getByRole("navigation", { name: t("kk", "nav.language") }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(new RegExp(`/en/petitions/${campaign.petition.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.petition.title.en);
  } finally {
    await context.close();
  }
});
