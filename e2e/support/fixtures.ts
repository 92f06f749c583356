import { test as base, expect } from "@playwright/test";
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
