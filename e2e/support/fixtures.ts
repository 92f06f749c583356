import { type Page, test as base, expect } from "@playwright/test";
import { type Mailbox, mailboxAt } from "./mailbox";

/** `mailbox`: the mail the app sent, read from the Resend capture server. */
export const test = base.extend<{ mailbox: Mailbox }>({
  mailbox: async ({}, use) => {
    const url = process.env.E2E_CAPTURE_URL;
    if (!url) throw new Error("E2E_CAPTURE_URL is not set: run through playwright.config.ts (npm run test:e2e)");
    await use(mailboxAt(url));
  },
});

export { expect };

/**
 * Public pages are served from a shared cache for a few seconds (scripts/page-cache.mjs, next.config.js): a
 * visitor sees a change within 5 s, not at once. Load `path` again until `check` holds, for up to 6 s — the
 * promise the product makes (issue 9), not a fixed wait. `check` must use short expectation timeouts.
 */
export async function eventually(page: Page, path: string, check: () => Promise<void>, timeout = 6_000): Promise<void> {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass({ timeout, intervals: [250, 500] });
}
