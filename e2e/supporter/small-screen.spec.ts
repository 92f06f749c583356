import { expect, test } from "../support/fixtures";
import { horizontalOverflow } from "../support/layout";
import { everyPage } from "../support/site";

// Mobile first: nothing forces sideways scrolling on a 320 px wide phone.
test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });

for (const { name, locale, url } of everyPage) {
  test(`${name} page in ${locale} fits 320 px without horizontal scroll`, async ({ page }) => {
    await page.goto(url);
    const { scrollWidth, widest } = await horizontalOverflow(page);
    expect(scrollWidth, widest).toBeLessThanOrEqual(320);
  });
}
