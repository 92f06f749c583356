import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import { expect, test } from "../support/fixtures";
import { db, seededCampaignId } from "../organizer/helpers";
import { locales, t } from "../support/site";

/**
 * The public updates: the list and one update in every language, without JavaScript, on a 320 px phone, with no
 * serious accessibility violation, shared from the page cache, reachable from the main navigation; and the feed.
 */
let updateId: string;
const tag = randomBytes(3).toString("hex");

test.beforeAll(async () => {
  const campaignId = await seededCampaignId();
  const [u] = await db()`insert into campaign_updates (campaign_id, state, started_at, sent_at, recipients_total)
                          values (${campaignId}, 'sent', now(), now(), 0) returning id`;
  updateId = u!.id as string;
  const body = (w: string) => `## ${w}\n\nThe hearing is **on Monday**, see [the case](https://example.org/case) and write to [us](mailto:team@example.org).\n\n- one\n- two\n\nA long word: ${"x".repeat(60)}`;
  await db()`insert into update_texts (update_id, locale, title, body) values
    (${updateId}, 'ru', ${`Суд ${tag}`}, ${body("Подробности")}), (${updateId}, 'en', ${`Court ${tag}`}, ${body("Details")})`;
});

test.use({ viewport: { width: 320, height: 640 } });

for (const locale of locales) {
  test(`the updates in ${locale}: listed, readable at 320 px without JavaScript, no serious axe violation`, async ({ browser, baseURL, page: withScripts }) => {
    test.setTimeout(120_000); // two axe sweeps on a shared machine
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`/${locale}`);
    await page.getByRole("navigation", { name: t(locale, "nav.main") }).getByRole("link", { name: t(locale, "nav.updates") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/updates$`));
    // Kazakh readers get the update's default language (Russian): it is not written in Kazakh.
    const title = locale === "en" ? `Court ${tag}` : `Суд ${tag}`;
    await page.locator(`a[href="/${locale}/updates/${updateId}"]`).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator("article strong")).toHaveCount(1);
    await expect(page.locator('article a[href="https://example.org/case"]')).toHaveCount(1);
    for (const path of [`/${locale}/updates`, `/${locale}/updates/${updateId}`]) {
      const response = await page.goto(path);
      expect(response?.headers()["cache-control"]).toMatch(/^public/);
      const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
      expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(width);
      // axe runs in the page: with JavaScript, on the same answer.
      await withScripts.goto(path);
      const results = await new AxeBuilder({ page: withScripts }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
      expect(serious, serious.join("\n")).toEqual([]);
    }
    await context.close();
  });
}

test("the Atom feed lists the update, and a draft is nowhere", async ({ request }) => {
  const feed = await request.get("/api/v1/updates/en/feed.atom");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain(`<title>Court ${tag}</title>`);
  expect(xml).toContain(`/en/updates/${updateId}`);
  const campaignId = await seededCampaignId();
  const [draft] = await db()`insert into campaign_updates (campaign_id) values (${campaignId}) returning id`;
  await db()`insert into update_texts (update_id, locale, title, body) values (${draft!.id}, 'en', ${`Draft ${tag}`}, 'Secret')`;
  expect((await request.get(`/en/updates/${draft!.id}`)).status()).toBe(404);
  expect(await (await request.get("/api/v1/updates/en/feed.atom")).text()).not.toContain(`Draft ${tag}`);
});
