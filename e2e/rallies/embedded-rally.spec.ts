import { type EmbeddedServer, startEmbeddedServer } from "../support/embedded-server";
import { campaign, t } from "../support/site";
import { expect, test } from "../support/fixtures";
import { almatyDay } from "./helpers";

// The embedded default: the seed adds no rally; the dev admin creates and announces one in the dashboard, and a
// supporter registers and confirms through the dev mailbox — no mail provider, no database server.

let server: EmbeddedServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startEmbeddedServer();
});

test.afterAll(async () => {
  await server?.stop();
});

const en = (key: string, values?: Record<string, string | number>) => t("en", key, values);

test("on the embedded default an organizer announces a rally and a supporter registers through the dev mailbox (JavaScript off)", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/en/rallies");
  await expect(page.getByText(en("rallies.none"))).toBeVisible();

  // The dev admin signs in with the link from the dev mailbox.
  await page.goto("/en/sign-in");
  await page.getByLabel(en("auth.signIn.email")).fill("admin@qoldau.localhost");
  await page.getByRole("button", { name: en("auth.signIn.submit") }).click();
  await expect(async () => {
    await page.goto("/en/dev/mailbox");
    await expect(page.getByRole("row").filter({ hasText: "admin@qoldau.localhost" })).not.toHaveCount(0);
  }).toPass({ timeout: 20_000 });
  await page.getByRole("row").filter({ hasText: "admin@qoldau.localhost" }).first().getByRole("link").click();
  const verify = new URL((await page.getByTestId("mail-text").getByRole("link").filter({ hasText: "/sign-in/verify" }).first().getAttribute("href"))!);
  await page.goto(verify.pathname + verify.search);
  await page.getByRole("button", { name: en("auth.verify.submit") }).click();
  await expect(page).toHaveURL(/\/en\/dashboard/);

  const title = `Embedded rally ${Date.now()}`;
  await page.getByRole("link", { name: campaign.campaign.name.en }).click();
  await page.getByRole("link", { name: en("dashboard.rally.new") }).click();
  for (const language of ["Русский", "Қазақша", "English"] as const) {
    const group = (legend: string) => page.getByRole("group", { name: legend }).getByLabel(language);
    await group(en("dashboard.rallyFields.title")).fill(title);
    await group(en("dashboard.rallyFields.description")).fill("Peaceful.");
    await group(en("dashboard.rallyFields.address")).fill("Almaty, Republic Square");
  }
  await page.getByLabel(en("dashboard.rallyFields.slug")).fill(`embedded-${Date.now()}`);
  await page.getByLabel(en("dashboard.rallyFields.startsAt")).fill(`${almatyDay(10)}T18:00`);
  await page.getByLabel(en("dashboard.rallyFields.endsAt")).fill(`${almatyDay(10)}T19:30`);
  await page.getByRole("button", { name: en("dashboard.rally.create") }).click();
  await expect(page.getByRole("status")).toHaveText(en("dashboard.notices.created"));
  await page.getByRole("button", { name: en("dashboard.rally.actions.announce") }).click();
  await expect(page.getByRole("status")).toHaveText(en("dashboard.notices.rallyAnnounced"));

  // A supporter (another browser, JavaScript off) finds it from the home page and registers.
  const supporterContext = await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled: false });
  const supporter = await supporterContext.newPage();
  const email = `embedded.${Date.now()}@example.org`;
  await supporter.goto("/en");
  await supporter.getByRole("link", { name: title }).click();
  await supporter.getByLabel(en("rsvpForm.email")).fill(email);
  await supporter.getByRole("button", { name: en("rsvpForm.submit") }).click();
  await expect(supporter.getByRole("heading", { level: 1 })).toHaveText(en("rsvpCheckEmail.title"));
  await supporter.getByRole("link", { name: t("en", "signed.devMailboxLink") }).click();
  await expect(async () => {
    await supporter.reload();
    await expect(supporter.getByRole("row").filter({ hasText: email })).toHaveCount(1);
  }).toPass({ timeout: 20_000 });
  await supporter.getByRole("row").filter({ hasText: email }).getByRole("link").click();
  await supporter.getByTestId("mail-text").getByRole("link").filter({ hasText: "/confirmations/rsvp/" }).first().click();
  await supporter.getByRole("button", { name: en("confirmRsvp.button") }).click();
  await expect(supporter.getByRole("heading", { level: 1 })).toHaveText(en("rsvpConfirmed.title.confirmed"));

  // Back in the dashboard the organizer sees one confirmed attendee, with the address.
  await page.reload();
  await expect(page.getByTestId("count-confirmed")).toHaveText("1");
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await context.close();
  await supporterContext.close();
});
