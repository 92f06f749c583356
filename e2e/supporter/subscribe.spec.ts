import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { db, unique } from "../organizer/helpers";
import { indexOf } from "../support/data";
import { expect, test } from "../support/fixtures";
import { campaign, t } from "../support/site";

const link = (text: string | null, path: string) => new RegExp(`https?://[^\\s\\])>]+/${path}/[A-Za-z0-9_-]{43}`).exec(text ?? "")?.[0];
const pathOf = (url: string) => new URL(url).pathname;
const stateOf = async (email: string) => (await db()`select state, locale from subscribers where email_index = ${indexOf(email)}`)[0] as { state: string; locale: string } | undefined;

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, serious.join("\n")).toEqual([]);
}

async function fitsNarrowScreen(page: Page) {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });
}

// A busy machine: each test here goes through several pages and emails.
test.describe.configure({ timeout: 60_000 });

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a supporter asks for updates on the profile page, corrects the address, confirms by email; the link again says so", async ({ page, mailbox }) => {
    const email = `${unique("subscriber")}@example.org`;
    await page.goto("/ru/profile");
    const form = page.locator("section.subscribe");
    await expect(form.getByRole("heading", { name: t("ru", "subscribe.heading") })).toBeVisible();

    await form.getByLabel(t("ru", "subscribe.email")).fill("not-an-address");
    await form.getByRole("button", { name: t("ru", "subscribe.submit") }).click();
    await expect(page.getByRole("alert")).toContainText(t("ru", "subscribe.errors.email_invalid"));
    await expect(page.getByLabel(t("ru", "subscribe.email"))).toHaveValue("not-an-address");
    expect((await db()`select count(*)::int as n from subscribers where email_index = ${indexOf("not-an-address")}`)[0]!.n).toBe(0);

    await page.getByLabel(t("ru", "subscribe.email")).fill(email);
    await page.getByRole("button", { name: t("ru", "subscribe.submit") }).click();
    await expect(page).toHaveURL(/\/ru\/subscribe\/check-email$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ru", "subscribe.checkEmail.title"));
    expect(await stateOf(email)).toEqual({ state: "pending", locale: "ru" });

    const mail = await mailbox.waitFor((e) => e.to.includes(email));
    expect(mail.headers["List-Unsubscribe"]).toBeUndefined();
    const confirm = link(mail.text, "ru/confirmations/subscription");
    expect(confirm, "the text part carries the confirmation link").toBeTruthy();
    await page.goto(pathOf(confirm!));
    expect(await stateOf(email)).toMatchObject({ state: "pending" }); // opening the link changes nothing
    await page.getByRole("button", { name: t("ru", "confirmSubscription.button") }).click();
    await expect(page).toHaveURL(/\/ru\/subscribe\/confirmed\?status=confirmed$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ru", "subscribe.confirmed.title"));
    expect(await stateOf(email)).toMatchObject({ state: "confirmed" });

    await page.goto(pathOf(confirm!));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ru", "confirmSubscription.confirmed.title"));

    // Asking again: the same page, no second row.
    await page.goto("/ru/profile");
    await page.locator("section.subscribe").getByLabel(t("ru", "subscribe.email")).fill(email);
    await page.locator("section.subscribe").getByRole("button", { name: t("ru", "subscribe.submit") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ru", "subscribe.checkEmail.title"));
    expect((await db()`select count(*)::int as n from subscribers where email_index = ${indexOf(email)}`)[0]!.n).toBe(1);
  });

  test("the preferences page changes the language of the emails; a tampered link says so and changes nothing", async ({ page, mailbox }) => {
    const email = `${unique("prefs")}@example.org`;
    await page.goto("/kk/petitions/drop-the-charges");
    await page.locator("section.subscribe").getByLabel(t("kk", "subscribe.email")).fill(email);
    await page.locator("section.subscribe").getByRole("button", { name: t("kk", "subscribe.submit") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("kk", "subscribe.checkEmail.title"));
    const mail = await mailbox.waitFor((e) => e.to.includes(email));
    const preferences = link(mail.text, "kk/subscriptions");
    expect(preferences, "the confirmation email links to the preferences").toBeTruthy();
    const token = preferences!.split("/").at(-1)!;

    const tampered = `${token.slice(0, -3)}abc`;
    const refused = await page.goto(`/kk/subscriptions/${tampered}`);
    expect(refused?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("kk", "preferences.invalidTitle"));

    await page.goto(pathOf(preferences!));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("kk", "preferences.title"));
    await expect(page.getByText(t("kk", "preferences.signatureStays"))).toBeVisible();
    await page.getByLabel("English").check();
    await page.getByRole("button", { name: t("kk", "preferences.languageSave") }).click();
    await expect(page).toHaveURL(new RegExp(`/en/subscriptions/${token}\\?done=language$`));
    await expect(page.getByRole("status")).toHaveText(t("en", "preferences.done.language"));
    await expect(page.getByLabel("English")).toBeChecked();
    expect(await stateOf(email)).toEqual({ state: "pending", locale: "en" });

    // The unsubscribe page: a button, GET changes nothing; the button unsubscribes.
    await page.goto(`/api/v1/unsubscribe/${token}`);
    await expect(page).toHaveURL(new RegExp(`/en/unsubscribe/${token}$`));
    expect((await stateOf(email))?.state).toBe("pending");
    await page.getByRole("button", { name: t("en", "unsubscribe.button") }).click();
    await expect(page.getByTestId("unsubscribe-status")).toHaveText(t("en", "unsubscribe.doneNow", { campaign: campaign.campaign.name.en }));
    expect((await stateOf(email))?.state).toBe("unsubscribed");
  });
});

test("one-click unsubscribe: a cookie-less POST with no Origin unsubscribes and answers 200, again 200", async ({ page, mailbox, request }) => {
  const email = `${unique("oneclick")}@example.org`;
  await page.goto("/en/profile");
  await page.locator("section.subscribe").getByLabel(t("en", "subscribe.email")).fill(email);
  await page.locator("section.subscribe").getByRole("button", { name: t("en", "subscribe.submit") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "subscribe.checkEmail.title"));
  const mail = await mailbox.waitFor((e) => e.to.includes(email));
  const confirm = link(mail.text, "en/confirmations/subscription");
  await page.goto(pathOf(confirm!));
  await page.getByRole("button", { name: t("en", "confirmSubscription.button") }).click();
  await expect(page).toHaveURL(/\/en\/subscribe\/confirmed/);
  const token = link(mail.text, "en/subscriptions")!.split("/").at(-1)!;

  // The token pages (axe needs JavaScript, so here): no serious violation, nothing wider than 320 px.
  for (const path of [`/en/subscriptions/${token}`, `/ru/unsubscribe/${token}`, `/kk/subscriptions/${token.slice(0, -1)}x`]) {
    await page.goto(path);
    await noSeriousViolations(page);
    await fitsNarrowScreen(page);
  }

  // What a mail provider sends (RFC 8058): no cookie, no Origin, no Sec-Fetch-* headers.
  for (let i = 0; i < 2; i++) {
    const response = await request.post(`/api/v1/unsubscribe/${token}`, {
      form: { "List-Unsubscribe": "One-Click" },
      headers: { cookie: "" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(200);
  }
  expect((await stateOf(email))?.state).toBe("unsubscribed");
  const tampered = await request.post(`/api/v1/unsubscribe/${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
  expect(tampered.status()).toBe(404);
});
