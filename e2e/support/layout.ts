import type { Page } from "@playwright/test";

/** How wide the page is laid out, and the first element past the right edge (named, to make a failure easy to fix). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; widest: string }> {
  return page.evaluate(() => {
    const root = document.documentElement;
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
}
