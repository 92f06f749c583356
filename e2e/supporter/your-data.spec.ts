import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createPetition } from "../support/data";
import { eventually, expect, test } from "../support/fixtures";
import { type Locale, t } from "../support/site";

// Issue 13 item 8: signer control without an account, from the link at the foot of every email, JavaScript off.

const confirmLink = (text: string | null) => /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]{43}/.exec(text ?? "")?.[0];
const yourDataLink = (text: string | null) => /https?:\/\/[^\s\])>]+\/your-data\/v1\.[A-Za-z0-9_.-]+/.exec(text ?? "")?.[0];

/** The petition's sign form (the page has a "get updates" form with an email field too). */
const signForm = (page: Page, locale: Locale) => page.locator("form").filter({ has: page.getByRole("button", { name: t(locale, "signForm.submit") }) });

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(serious, serious.join("\n")).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
}

test("from the confirmation email, a signer opens “your data”, downloads it, and withdraws: the count goes down (JavaScript off)", async ({
  browser,
  baseURL,
  mailbox,
}) => {
  test.setTimeout(90_000);
  const { slug, title } = await createPetition();
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, acceptDownloads: true, viewport: { width: 320, height: 700 } });
  const page = await context.newPage();
  const email = `Aliya.data.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@Example.org`;
  const address = email.toLowerCase();

  await page.goto(`/ru/petitions/${slug}`);
  const form = signForm(page, "ru");
  await form.getByLabel(t("ru", "signForm.name")).fill("Әлия Нұрланқызы");
  await form.getByLabel(t("ru", "signForm.email")).fill(email);
  await form.getByRole("button", { name: t("ru", "signForm.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/ru/petitions/${slug}/signed$`));
  const message = await mailbox.waitFor((e) => e.to.includes(address));
  await page.goto(confirmLink(message.text)!);
  await page.getByRole("button", { name: t("ru", "confirm.button") }).click();
  await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "1");

  // The footer of the same email: the signer's own page, in the email's language.
  expect(message.text).toContain(t("ru", "emails.yourData.link"));
  const link = yourDataLink(message.text);
  expect(link, message.text ?? "").toBeTruthy();
  expect(link).toContain("/ru/your-data/");
  expect(message.html).toContain(new URL(link!).pathname);
  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ru", "yourData.title"));
  await expect(page.locator("main")).toContainText(address);
  const mine = page.getByTestId("your-signatures").getByRole("listitem");
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText(title.ru);
  await expect(mine).toContainText(t("ru", "yourData.signatures.state.confirmed"));
  // axe (it runs a script, so in a second window with JavaScript) and a 320 px phone, in every language.
  const checker = await browser.newContext({ baseURL, viewport: { width: 320, height: 700 } });
  const look = await checker.newPage();
  for (const locale of ["ru", "kk", "en"] as Locale[]) {
    await look.goto(link!.replace("/ru/your-data/", `/${locale}/your-data/`));
    await expect(look.getByRole("heading", { level: 1 })).toHaveText(t(locale, "yourData.title"));
    await expect(look.getByRole("button", { name: t(locale, "yourData.delete.button") })).toBeVisible();
    await axe(look);
  }

  // Download what we hold: a JSON file with the signature as stored.
  await page.goto(link!);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: t("ru", "yourData.download.button") }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("qoldau-your-data.json");
  const data = JSON.parse(await readFile((await download.path())!, "utf8")) as { email: string; signatures: { name: string; state: string; petitionSlug: string }[] };
  expect(data.email).toBe(address);
  expect(data.signatures).toEqual([expect.objectContaining({ name: "Әлия Нұрланқызы", state: "confirmed", petitionSlug: slug })]);

  // Withdraw: said on the page, gone from it, and the petition's count goes down (its page is cached a few seconds).
  await page.getByRole("button", { name: t("ru", "yourData.signatures.withdrawNamed", { title: title.ru }) }).click();
  await expect(page.getByRole("status")).toHaveText(t("ru", "yourData.done.withdrawn"));
  await expect(page.getByText(t("ru", "yourData.signatures.none"))).toBeVisible();
  await look.goto(page.url());
  await axe(look);
  await checker.close();
  await eventually(page, `/ru/petitions/${slug}`, async () => {
    await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "0", { timeout: 500 });
  });

  // The link changed by one character opens nothing: a clear page in the person's language, 404.
  const bad = `${link!.slice(0, -3)}${link!.endsWith("A", link!.length - 2) ? "B" : "A"}${link!.slice(-2)}`;
  const response = await page.goto(bad.replace("/ru/your-data/", "/kk/your-data/"));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("kk", "yourData.invalidTitle"));
  await context.close();
});

test("stop all email and delete everything are real forms that say what happened (JavaScript off)", async ({ browser, baseURL, mailbox }) => {
  test.setTimeout(60_000);
  const { slug } = await createPetition();
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const email = `delete.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.org`;
  await page.goto(`/en/petitions/${slug}`);
  const form = signForm(page, "en");
  await form.getByLabel(t("en", "signForm.name")).fill("Aliya");
  await form.getByLabel(t("en", "signForm.email")).fill(email);
  await form.getByRole("button", { name: t("en", "signForm.submit") }).click();
  const link = yourDataLink((await mailbox.waitFor((e) => e.to.includes(email))).text);
  await page.goto(link!);

  await page.getByRole("button", { name: t("en", "yourData.email.stop") }).click();
  await expect(page.getByRole("status")).toHaveText(t("en", "yourData.done.email_stopped"));
  await expect(page.getByRole("button", { name: t("en", "yourData.email.resume") })).toBeVisible();

  await page.getByLabel(t("en", "yourData.delete.confirm")).check();
  await page.getByRole("button", { name: t("en", "yourData.delete.button") }).click();
  await expect(page.getByRole("status")).toHaveText(t("en", "yourData.done.deleted"));
  await expect(page.getByText(t("en", "yourData.signatures.none"))).toBeVisible();
  await expect(page.getByText(t("en", "yourData.rsvps.none"))).toBeVisible();
  await expect(page.getByRole("button", { name: t("en", "yourData.email.stop") })).toBeVisible();
  await context.close();
});
