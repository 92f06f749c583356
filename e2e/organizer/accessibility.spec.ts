import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/fixtures";
import { locales } from "../support/site";
import { contextWithSession, createCampaign, createPetitionIn, createUser } from "./helpers";

/** The dashboard and sign-in pages: no serious axe violation, usable at 320 px, nothing loaded from elsewhere. */
const paths = (campaign: string, petition: string, draft: string) => [
  "/sign-in",
  "/sign-in/check-email",
  "/sign-in/verify?token=x&email=a%40example.org",
  "/sign-in/error?error=Verification",
  "/dashboard",
  `/dashboard/campaigns/${campaign}`,
  `/dashboard/campaigns/${campaign}/profile`,
  `/dashboard/campaigns/${campaign}/profile/preview`,
  `/dashboard/campaigns/${campaign}/petitions/new`,
  `/dashboard/petitions/${petition}`,
  `/dashboard/petitions/${draft}`,
  "/dashboard/people",
  "/dashboard/audit",
  "/dashboard/abuse",
  "/dashboard/invalidations",
  "/dashboard/second-factor",
];

for (const colorScheme of ["light", "dark"] as const) {
  test(`dashboard pages pass axe and fit 320 px (${colorScheme})`, async ({ browser, baseURL }) => {
    test.setTimeout(300_000); // 45 pages × axe, on a busy machine
    const campaign = await createCampaign();
    const petition = await createPetitionIn(campaign.id);
    const draft = await createPetitionIn(campaign.id, "draft");
    const admin = await createUser("admin");
    const context = await contextWithSession(browser, baseURL!, admin.id);
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.emulateMedia({ colorScheme });
    const foreign: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(baseURL!) && !r.url().startsWith("data:")) foreign.push(r.url());
    });
    for (const locale of locales) {
      for (const path of paths(campaign.id, petition.id, draft.id)) {
        const response = await page.goto(`/${locale}${path}`);
        expect(response?.status(), path).toBe(200);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
        const serious = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${locale}${path} ${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
        expect(serious, serious.join("\n")).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${locale}${path} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
      }
    }
    expect(foreign).toEqual([]);
    await context.close();
  });
}
