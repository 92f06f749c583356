import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/fixtures";
import { everyPage } from "../support/site";

// axe-core on every page in every language, in light and dark colours: no serious or critical violation.
for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} colours`, () => {
    test.use({ colorScheme });

    for (const { name, locale, url, status } of everyPage) {
      test(`${name} page in ${locale} has no serious accessibility violation`, async ({ page }) => {
        const response = await page.goto(url);
        expect(response?.status()).toBe(status);
        const results = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
          .analyze();
        const serious = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
        expect(serious, serious.join("\n")).toEqual([]);
      });
    }
  });
}
