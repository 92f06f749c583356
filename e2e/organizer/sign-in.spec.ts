import { expect, test } from "../support/fixtures";
import { t } from "../support/site";
import { createUser, signInByEmail, unique } from "./helpers";

const en = (key: string, values?: Record<string, string | number>) => t("en", key, values);
const verifyLink = (text: string | null) => /https?:\/\/[^\s\])>]+\/sign-in\/verify\?[^\s\])>]+/.exec(text ?? "")?.[0];

test("an unknown address sees the same page as an organizer, and no email is sent", async ({ page, mailbox }) => {
  const stranger = `${unique("stranger")}@example.org`;
  const organizer = await createUser("organizer");
  const answers: string[] = [];
  // The stranger asks first: had their request enqueued an email, it would be older in the queue than the
  // organizer's, and sent with it or before it. So once the organizer's has arrived, no stranger's is coming.
  for (const email of [stranger, organizer.email]) {
    await page.goto("/en/sign-in");
    await page.getByLabel(en("auth.signIn.email")).fill(email);
    await page.getByRole("button", { name: en("auth.signIn.submit") }).click();
    await expect(page).toHaveURL(/\/en\/sign-in\/check-email$/);
    answers.push(await page.locator("main").innerText());
  }
  expect(answers[1]).toBe(answers[0]);
  await mailbox.waitFor((e) => e.to.includes(organizer.email));
  expect((await mailbox.emails()).filter((e) => e.to.includes(stranger))).toEqual([]);
});

test("a sign-in link works once; the second time it explains itself", async ({ browser, baseURL, mailbox }) => {
  const organizer = await createUser("organizer");
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signInByEmail(page, mailbox, organizer.email, "en");
  const mail = (await mailbox.emails()).find((e) => e.to.includes(organizer.email))!;
  const other = await (await browser.newContext({ baseURL })).newPage();
  await other.goto(verifyLink(mail.text)!);
  await other.getByRole("button", { name: en("auth.verify.submit") }).click();
  await expect(other).toHaveURL(/\/en\/sign-in\/error\?error=Verification$/);
  await expect(other.getByRole("main").getByRole("alert")).toHaveText(en("auth.error.verification"));
  await other.goto("/en/dashboard");
  await expect(other).toHaveURL(/\/en\/sign-in\?callbackUrl=/);
});

test("opening the link alone signs nobody in (mail scanners follow links)", async ({ browser, baseURL, mailbox }) => {
  const organizer = await createUser("organizer");
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto("/en/sign-in");
  await page.getByLabel(en("auth.signIn.email")).fill(organizer.email);
  await page.getByRole("button", { name: en("auth.signIn.submit") }).click();
  const mail = await mailbox.waitFor((e) => e.to.includes(organizer.email));
  await page.goto(verifyLink(mail.text)!);
  await page.goto("/en/dashboard");
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=/);
});

test("the whole sign-in works without JavaScript, and signing out ends the session", async ({ browser, baseURL, mailbox }) => {
  const organizer = await createUser("organizer");
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await signInByEmail(page, mailbox, organizer.email, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("dashboard.home.title"));
  await page.getByRole("button", { name: en("dashboard.nav.signOut") }).click();
  await expect(page).toHaveURL(/\/en\/sign-in\?signedOut=1$/);
  await expect(page.getByRole("status")).toHaveText(en("auth.signIn.signedOut"));
  await page.goto("/en/dashboard");
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=/);
  await context.close();
});

test("an invalid address gets a translated message and keeps what was typed", async ({ page }) => {
  await page.goto("/kk/sign-in");
  await page.getByLabel(t("kk", "auth.signIn.email")).fill("not-an-address");
  await page.getByRole("button", { name: t("kk", "auth.signIn.submit") }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(t("kk", "dashboard.errors.invalid_email"));
  await expect(page.getByLabel(t("kk", "auth.signIn.email"))).toHaveValue("not-an-address");
});

test("one network asking for sign-in links over and over is told to wait, others are not (JavaScript off)", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const organizer = await createUser("organizer");
  const clientAsking = async (client: string) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": client } });
    const page = await context.newPage();
    const limitedMessage = page.getByText(en("dashboard.errors.rate_limited"));
    return {
      ask: async () => {
        await page.goto("/en/sign-in");
        await page.getByLabel(en("auth.signIn.email")).fill(organizer.email);
        await page.getByRole("button", { name: en("auth.signIn.submit") }).click();
        await expect(page.getByRole("heading", { level: 1, name: en("auth.checkEmail.title") }).or(limitedMessage)).toBeVisible();
        return limitedMessage.isVisible();
      },
      close: () => context.close(),
    };
  };
  const busy = await clientAsking("198.51.100.77");
  const answers: boolean[] = [];
  for (let i = 0; i < 21; i++) answers.push(await busy.ask());
  expect(answers.slice(0, 20)).toEqual(Array(20).fill(false));
  expect(answers[20]).toBe(true);
  const other = await clientAsking("198.51.100.78");
  expect(await other.ask()).toBe(false);
  await Promise.all([busy.close(), other.close()]);
});
