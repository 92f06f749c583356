import { expect, test } from "../support/fixtures";
import { createUser, signInByEmail } from "./helpers";

// The site opened under another name for the same server (localhost for 127.0.0.1, a bare IP for a domain):
// it moves to APP_URL's own address before showing any form, so signing in works and nothing is refused by
// the CSP's form-action 'self'.

test("a page opened under another host name goes to the site's own address first, and signing in works there", async ({ browser, baseURL, mailbox }) => {
  const canonical = new URL(baseURL!);
  const otherName = `http://localhost:${canonical.port}`;
  expect(canonical.hostname).toBe("127.0.0.1");
  const organizer = await createUser("organizer");
  const context = await browser.newContext({ baseURL: otherName });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });

  const response = await page.goto("/en/sign-in?callbackUrl=%2Fen%2Fdashboard");
  expect(response?.url()).toBe(`${canonical.origin}/en/sign-in?callbackUrl=%2Fen%2Fdashboard`);
  expect(response?.request().redirectedFrom()?.url()).toBe(`${otherName}/en/sign-in?callbackUrl=%2Fen%2Fdashboard`);

  await signInByEmail(page, mailbox, organizer.email, "en");
  await expect(page).toHaveURL(new RegExp(`^${canonical.origin}/en/dashboard`));
  expect((await context.cookies(canonical.origin)).some((c) => c.name.includes("session-token"))).toBe(true);
  expect(violations).toEqual([]);
  await context.close();
});

test("the redirect keeps to the site's own origin whatever the path looks like", async ({ request, baseURL }) => {
  const canonical = new URL(baseURL!);
  const response = await request.get(`http://localhost:${canonical.port}//evil.example/x?y=1`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers().location).toBe(`${canonical.origin}/evil.example/x?y=1`);
});
