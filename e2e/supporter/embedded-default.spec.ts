import { type EmbeddedServer, startEmbeddedServer } from "../support/embedded-server";
import { expect, test } from "../support/fixtures";
import { petitionSlug, t } from "../support/site";

// The embedded default as a newcomer runs it: no DATABASE_URL, no mail provider — PGlite in a data
// folder, migrated and seeded on start, and mail kept in the dev mailbox to read in the browser.

let server: EmbeddedServer;
let baseURL = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startEmbeddedServer();
  baseURL = server.baseURL;
});

test.afterAll(async () => {
  await server?.stop();
});

test("on the embedded default a newcomer signs, reads the email in the dev mailbox and confirms (JavaScript off)", async ({ browser }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const email = `newcomer.${Date.now()}@example.org`;

  await page.goto(`/en/petitions/${petitionSlug}`);
  await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "0");
  await page.getByLabel(t("en", "signForm.name")).fill("Dana Newcomer");
  await page.getByLabel(t("en", "signForm.email")).fill(email);
  await page.getByRole("button", { name: t("en", "signForm.submit") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "signed.title"));

  await page.getByRole("link", { name: t("en", "signed.devMailboxLink") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "devMailbox.title"));
  // The worker sends within a second or two: reload until the email is there.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(1);
  }).toPass({ timeout: 20_000 });
  await page.getByRole("row").filter({ hasText: email }).getByRole("link").click();
  await expect(page.getByTestId("mail-text")).toContainText("Dana Newcomer");

  await page.getByTestId("mail-text").getByRole("link").filter({ hasText: "/confirm/" }).first().click();
  await page.getByRole("button", { name: t("en", "confirm.button") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "thanks.title"));
  await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "1");
  await context.close();
});

test("the dev mailbox exists only on the embedded default", async ({ page, baseURL: productionLike }) => {
  // The shared e2e server runs with a mail provider configured: no mailbox there.
  const response = await page.goto(`${productionLike}/en/dev/mailbox`);
  expect(response?.status()).toBe(404);
});
