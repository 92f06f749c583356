import { generate } from "otplib";
import { expect, test } from "../support/fixtures";
import { t } from "../support/site";
import { createUser, db, enrollSecondFactor, signInByEmail } from "./helpers";

// Whoever reads an admin's inbox must not own the site: in production an admin's email link is followed by a code
// from an authenticator app (or a one-time recovery code).

const en = (key: string, values?: Record<string, string | number>) => t("en", key, values);

test("an admin sets up an authenticator at the first sign-in, and every later sign-in asks for a code (JavaScript off)", async ({ browser, baseURL, mailbox }) => {
  test.setTimeout(90_000);
  const admin = await createUser("admin");
  const first = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await first.newPage();
  await signInByEmail(page, mailbox, admin.email, "en");
  // Nothing of the dashboard before the second factor: the people page sends them to set it up.
  await page.goto("/en/dashboard/people");
  await expect(page).toHaveURL(/\/en\/dashboard\/second-factor\?callbackUrl=%2Fen%2Fdashboard%2Fpeople/);
  await expect(page.getByRole("link", { name: en("dashboard.nav.people") })).toHaveCount(0);
  const { secret, recoveryCodes } = await enrollSecondFactor(page, "en");
  expect(recoveryCodes).toHaveLength(10);
  await expect(page).toHaveURL(/\/en\/dashboard\/people$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("dashboard.people.title"));
  const [stored] = await db()`select totp_secret from second_factors where user_id = ${admin.id}`;
  expect(String(stored!.totp_secret)).not.toContain(secret);
  await first.close();

  // A new sign-in: the link alone is not enough.
  const second = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const again = await second.newPage();
  await signInByEmail(again, mailbox, admin.email, "en");
  await expect(again.getByRole("heading", { level: 1 })).toHaveText(en("dashboard.secondFactor.verifyTitle"));
  const field = again.getByLabel(en("dashboard.secondFactor.codeOrRecovery"));
  await field.fill("000000");
  await again.getByRole("button", { name: en("dashboard.secondFactor.verifyButton") }).click();
  await expect(again.getByRole("alert")).toContainText(en("dashboard.errors.code_invalid"));
  await again.getByLabel(en("dashboard.secondFactor.codeOrRecovery")).fill(recoveryCodes[0]!);
  await again.getByRole("button", { name: en("dashboard.secondFactor.verifyButton") }).click();
  await expect(again).toHaveURL(/\/en\/dashboard$/);
  await again.goto("/en/dashboard/second-factor");
  await expect(again.getByText(en("dashboard.secondFactor.on", { count: 9 }))).toBeVisible();
  await second.close();

  // A third sign-in with the app's current code.
  const third = await browser.newContext({ baseURL });
  const withApp = await third.newPage();
  await signInByEmail(withApp, mailbox, admin.email, "en");
  // The code setup used can never be used again (replay): the app's next code, within the server's ±30 s.
  const nextCode = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
  await withApp.getByLabel(en("dashboard.secondFactor.codeOrRecovery")).fill(nextCode);
  await withApp.getByRole("button", { name: en("dashboard.secondFactor.verifyButton") }).click();
  await expect(withApp).toHaveURL(/\/en\/dashboard$/);
  const failures = await db()`select count(*)::int as n from audit_log where actor_id = ${admin.id} and action = 'second_factor.fail'`;
  expect(failures[0]!.n).toBe(1);
  await third.close();
});

test("organizers are not asked for a second factor", async ({ browser, baseURL, mailbox }) => {
  const organizer = await createUser("organizer");
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInByEmail(page, mailbox, organizer.email, "en");
  await expect(page).toHaveURL(/\/en\/dashboard$/);
  await page.goto("/en/dashboard/second-factor");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(en("dashboard.secondFactor.title"));
  await context.close();
});
