import { timeZone } from "../../lib/i18n/locales";
import { seededCampaignId } from "../organizer/helpers";
import { expect, test } from "../support/fixtures";
import { t } from "../support/site";
import { createRallyIn, rsvpAndConfirm } from "./helpers";

test("capacity 1 with a waitlist: the second is waitlisted; the first cancels from the email; the second moves up and is told", async ({ browser, baseURL, mailbox }) => {
  test.setTimeout(90_000);
  const rally = await createRallyIn(await seededCampaignId(), { capacity: 1, waitlist: true });
  const first = await (await browser.newContext({ baseURL })).newPage();
  const a = await rsvpAndConfirm(first, mailbox, { slug: rally.slug, title: rally.title("en"), locale: "en" });
  await expect(first.getByRole("heading", { level: 1 })).toHaveText(t("en", "rsvpConfirmed.title.confirmed"));

  const second = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
  await second.goto(`/kk/rallies/${rally.slug}`);
  await expect(second.getByText(t("kk", "rallies.waitlistNotice"))).toBeVisible();
  const b = await rsvpAndConfirm(second, mailbox, { slug: rally.slug, title: rally.title("kk"), locale: "kk" });
  await expect(second.getByRole("heading", { level: 1 })).toHaveText(t("kk", "rsvpConfirmed.title.waitlisted"));
  const waitlisted = await mailbox.waitFor((e) => e.to.includes(b.email) && e.subject === t("kk", "rallyEmails.waitlisted.subject", { title: rally.title("kk") }));
  expect(waitlisted.text).toContain(t("kk", "rallyEmails.waitlisted.bodyPosition", { position: 1 }));
  // The position is in the email only, never on a page.
  await second.goto(`/kk/rallies/${rally.slug}`);
  await expect(second.getByRole("main")).not.toContainText(t("kk", "rallyEmails.waitlisted.bodyPosition", { position: 1 }));

  // The first cancels from the link in their email (no account).
  await first.goto(a.manage);
  await expect(first.getByTestId("rsvp-status")).toHaveText(t("en", "manageRsvp.status.confirmed"));
  await first.getByRole("button", { name: t("en", "manageRsvp.cancel") }).click();
  await expect(first.getByRole("status")).toHaveText(t("en", "manageRsvp.cancelledNow"));
  await expect(first.getByTestId("rsvp-status")).toHaveText(t("en", "manageRsvp.status.cancelled"));

  const promoted = await mailbox.waitFor((e) => e.to.includes(b.email) && e.subject === t("kk", "rallyEmails.promoted.subject", { title: rally.title("kk") }));
  expect(promoted.text).toContain("Bring water kk");
  await second.goto(b.manage);
  await expect(second.getByTestId("rsvp-status")).toHaveText(t("kk", "manageRsvp.status.confirmed"));
});

test("bad RSVP input gets its form back with messages (4xx), and an unknown rally is the translated 404", async ({ browser, baseURL }) => {
  const rally = await createRallyIn(await seededCampaignId());
  const page = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
  await page.goto(`/ru/rallies/${rally.slug}`);
  await page.getByLabel(t("ru", "rsvpForm.email")).fill("not an address");
  const response = page.waitForResponse((r) => r.url().endsWith(`/api/v1/rallies/${rally.slug}/rsvps`));
  await page.getByRole("button", { name: t("ru", "rsvpForm.submit") }).click();
  expect((await response).status()).toBe(422);
  await expect(page.getByRole("alert")).toContainText(t("ru", "rsvpForm.errors.email_invalid"));
  await expect(page.getByLabel(t("ru", "rsvpForm.email"))).toHaveValue("not an address");

  // (The not-found page, like every 404 of the app, is streamed for the browser to render: with JavaScript on.)
  const withJs = await (await browser.newContext({ baseURL })).newPage();
  const missing = await withJs.goto("/en/rallies/no-such-rally");
  expect(missing?.status()).toBe(404);
  await expect(withJs.getByRole("heading", { level: 1 })).toHaveText(t("en", "notFound.title"));
  const json = await page.request.post(`/api/v1/rallies/${rally.slug}/rsvps`, { data: { email: "x@example.org", name: "=cmd", locale: "en" } });
  expect(json.status()).toBe(422);
  expect(await json.json()).toMatchObject({ error: "invalid_input", fields: { name: "name_formula" } });
  const ics = await page.request.get("/api/v1/rallies/no-such-rally/calendar.ics");
  expect(ics.status()).toBe(404);
});

test("the campaign's calendar feed lists its rallies, cancelled ones as CANCELLED", async ({ browser, baseURL }) => {
  const rally = await createRallyIn(await seededCampaignId());
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto("/en/rallies");
  const webcal = await page.getByRole("link", { name: t("en", "rallies.subscribe") }).getAttribute("href");
  expect(webcal).toMatch(/^webcal:\/\/.+\/api\/v1\/campaigns\/.+\/rallies\.ics\?locale=en$/);
  const feed = await page.request.get(webcal!.replace(/^webcal:\/\/[^/]+/, ""));
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await feed.text()).toContain(`SUMMARY:${rally.title("en")}`);
});

test("a visitor whose browser is in another zone also sees their own time (JavaScript on); the page keeps Almaty's", async ({ browser, baseURL }) => {
  const rally = await createRallyIn(await seededCampaignId());
  const berlin = await (await browser.newContext({ baseURL, timezoneId: "Europe/Berlin", locale: "en-GB" })).newPage();
  await berlin.goto(`/en/rallies/${rally.slug}`);
  await expect(berlin.getByTestId("rally-when")).toContainText("18:00");
  // 18:00 in Almaty is 14:00 in Berlin in winter, 15:00 in summer: the browser's own rules decide.
  await expect(berlin.getByTestId("your-local-time")).toContainText(/1[45]:00/);
  const almaty = await (await browser.newContext({ baseURL, timezoneId: timeZone })).newPage();
  await almaty.goto(`/en/rallies/${rally.slug}`);
  await expect(almaty.getByTestId("rally-when")).toContainText("18:00");
  await expect(almaty.getByTestId("your-local-time")).toHaveCount(0);
});
