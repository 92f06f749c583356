import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { contextWithSession, createUser, db, seededCampaignId } from "../organizer/helpers";
import { expect, test } from "../support/fixtures";
import { horizontalOverflow } from "../support/layout";
import { locales } from "../support/site";
import { createRallyIn, rsvpAndConfirm } from "./helpers";

/** The rally pages, supporter's and organizer's: axe-clean in light and dark colours, and no sideways scroll at 320 px. */
async function serious(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
}

test("rally pages have no serious accessibility violation and fit 320 px", async ({ browser, baseURL, mailbox }) => {
  test.setTimeout(300_000); // every rally page × 3 languages × 2 schemes × axe, on a busy machine
  const campaignId = await seededCampaignId();
  const rally = await createRallyIn(campaignId, { capacity: 50, waitlist: true });
  const setup = await (await browser.newContext({ baseURL })).newPage();
  const { manage, confirm } = await rsvpAndConfirm(setup, mailbox, { slug: rally.slug, title: rally.title("en"), locale: "en" });
  const organizer = await createUser("organizer", [campaignId]);
  const [row] = await db()`select id from rallies where slug = ${rally.slug}`;
  const rallyId = row!.id as string;

  const pages = [
    ...locales.map((l) => ({ url: `/${l}/rallies`, organizer: false })),
    ...locales.map((l) => ({ url: `/${l}/rallies/${rally.slug}`, organizer: false })),
    { url: `/en/rallies/${rally.slug}/check-email`, organizer: false },
    { url: `/en/rallies/${rally.slug}/confirmed?status=waitlisted`, organizer: false },
    { url: new URL(confirm).pathname, organizer: false },
    { url: new URL(manage).pathname, organizer: false },
    { url: `/en/dashboard/rallies/${rallyId}`, organizer: true },
    { url: `/ru/dashboard/campaigns/${campaignId}/rallies/new`, organizer: true },
  ];
  for (const colorScheme of ["light", "dark"] as const) {
    for (const { url, organizer: asOrganizer } of pages) {
      const context = asOrganizer ? await contextWithSession(browser, baseURL!, organizer.id) : await browser.newContext({ baseURL });
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      const found = await serious(page);
      expect(found, `${url} (${colorScheme})\n${found.join("\n")}`).toEqual([]);
      if (colorScheme === "light") {
        await page.setViewportSize({ width: 320, height: 640 });
        const { scrollWidth, widest } = await horizontalOverflow(page);
        expect(scrollWidth, `${url}: ${widest}`).toBeLessThanOrEqual(320);
      }
      await context.close();
    }
  }
});
