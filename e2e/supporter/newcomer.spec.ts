import { createPetition } from "../support/data";
import { expect, test } from "../support/fixtures";
import { campaign, dates, locales, t } from "../support/site";

// A newcomer arrives at the root with their browser's language, and finds their way by links alone.
for (const locale of locales) {
  test.describe(`a newcomer reading ${locale}`, () => {
    test.use({ locale, extraHTTPHeaders: { "Accept-Language": `${locale};q=1, en;q=0.5` } });

    test("lands on the home page in their language", async ({ page }) => {
      const response = await page.goto("/");
      expect(response?.status()).toBe(200);
      await expect(page).toHaveURL(new RegExp(`/${locale}/?$`));
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.campaign.name[locale]);
      await expect(page.getByRole("link", { name: t(locale, "home.cta") })).toBeVisible();
    });

    test("reaches the profile and the petition through links", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("navigation", { name: t(locale, "nav.main") }).getByRole("link", { name: t(locale, "nav.profile") }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/profile$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.profile.name[locale]);

      const facts = page.getByRole("region", { name: t(locale, "profile.facts") });
      await expect(facts.getByRole("definition").filter({ hasText: dates.born[locale] })).toBeVisible();
      await expect(facts.getByText(campaign.profile.article[locale], { exact: true })).toBeVisible();
      await expect(facts.getByText(campaign.profile.residence[locale], { exact: true })).toBeVisible();

      const timeline = page.getByRole("region", { name: t(locale, "profile.timeline") });
      const questioned = timeline.getByRole("listitem").filter({ hasText: dates.questioned[locale] });
      await expect(questioned).toHaveCount(1);
      await expect(questioned.locator("time")).toHaveAttribute("datetime", "2020-07-20");
      const shown = await timeline.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
      expect(shown).toEqual([...shown].sort());

      const sources = page.getByRole("region", { name: t(locale, "profile.sources") });
      const source = campaign.sources[0]!;
      await expect(sources.getByRole("link", { name: source.title[locale] })).toHaveAttribute("href", source.url ?? "");

      const petition = campaign.petition;
      await page.getByRole("region", { name: t(locale, "profile.takeAction") }).getByRole("link", { name: petition.title[locale] }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/petitions/${petition.slug}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(petition.title[locale]);
      await expect(page.getByText(t(locale, "petitions.to", { target: petition.target[locale] }))).toBeVisible();
      // Other specs sign this petition, so its count is whatever it is now; the text and the bar must agree.
      const count = Number(await page.getByTestId("signature-count").getAttribute("data-count"));
      await expect(page.getByText(t(locale, "petitions.count", { count }), { exact: true })).toBeVisible();
      await expect(page.getByText(t(locale, "petitions.goal", { goal: petition.goal }))).toBeVisible();
      const progress = page.getByRole("progressbar", { name: t(locale, "petitions.progress", { count, goal: petition.goal }) });
      await expect(progress).toHaveAttribute("value", String(Math.min(count, petition.goal)));
      await expect(progress).toHaveAttribute("max", String(petition.goal));
    });

    test("sees a new petition start at zero signatures, with its goal and progress", async ({ page }) => {
      const fresh = await createPetition({ goal: 2500 });
      // The home page is shared for a few seconds: a new petition is on it within 5 s.
      await expect(async () => {
        await page.goto("/");
        await expect(page.getByRole("link", { name: fresh.title[locale] })).toBeVisible({ timeout: 500 });
      }).toPass({ timeout: 5_000 });
      await page.getByRole("link", { name: fresh.title[locale] }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/petitions/${fresh.slug}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(fresh.title[locale]);
      await expect(page.getByText(t(locale, "petitions.to", { target: campaign.petition.target[locale] }))).toBeVisible();
      await expect(page.getByTestId("signature-count")).toHaveText(t(locale, "petitions.count", { count: 0 }));
      await expect(page.getByText(t(locale, "petitions.goal", { goal: 2500 }))).toBeVisible();
      const progress = page.getByRole("progressbar", { name: t(locale, "petitions.progress", { count: 0, goal: 2500 }) });
      await expect(progress).toHaveAttribute("value", "0");
      await expect(progress).toHaveAttribute("max", "2500");
    });

    test("finds the petition from the petitions list", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("navigation", { name: t(locale, "nav.main") }).getByRole("link", { name: t(locale, "nav.petitions") }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/petitions$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(locale, "petitions.title"));
      await page.getByRole("link", { name: campaign.petition.title[locale] }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.petition.title[locale]);
    });
  });
}
