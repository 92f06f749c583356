import { expect, test } from "../support/fixtures";
import { everyPage } from "../support/site";

// Mobile first: nothing forces sideways scrolling on a 320 px wide phone.
test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });

for (const { name, locale, url } of everyPage) {
  test(`${name} page in ${locale} fits 320 px without horizontal scroll`, async ({ page }) => {
    await page.goto(url);
    const { scrollWidth, widest } = await page.evaluate(() => {
      const root = document.documentElement;
      // Name the widest element, to make a failure easy to fix.
      let widest = "";
      for (const el of Array.from(document.querySelectorAll("body *"))) {
        const right = el.getBoundingClientRect().right;
        if (right > root.clientWidth + 0.5) {
          widest = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, ".")}` : ""} (right edge ${Math.round(right)} px)`;
          break;
        }
      }
      return { scrollWidth: root.scrollWidth, widest };
    });
    expect(scrollWidth, widest).toBeLessThanOrEqual(320);
  });
}
