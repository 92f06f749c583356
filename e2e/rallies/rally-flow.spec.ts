import { contextWithSession, createUser, localized, seededCampaignId, unique } from "../organizer/helpers";
import { eventually, expect, test } from "../support/fixtures";
import { campaign, t } from "../support/site";
import { almatyDay, field, icsOf, icsUtc, noticeCounts, rsvpAndConfirm } from "./helpers";

const en = (key: string, values?: Record<string, string | number>) => t("en", key, values);

test("an organizer announces a rally in three languages; two supporters register (JavaScript on and off); a change and a cancellation reach each once", async ({ browser, baseURL, mailbox }) => {
  test.setTimeout(180_000);
  const organizer = await createUser("organizer", [await seededCampaignId()]);
  const orgContext = await contextWithSession(browser, baseURL!, organizer.id);
  const org = await orgContext.newPage();

  // The organizer writes the rally in the dashboard.
  const tag = unique("r");
  const slug = tag.toLowerCase();
  const titles = { ru: `Митинг в поддержку ${tag}`, kk: `Қолдау митингі ${tag}`, en: `Rally in support ${tag}` };
  const places = { ru: "Алматы, площадь Республики", kk: "Алматы, Республика алаңы", en: "Almaty, Republic Square" };
  const day = almatyDay(20);
  await org.goto("/en/dashboard");
  await org.getByRole("link", { name: campaign.campaign.name.en }).click();
  await org.getByRole("link", { name: en("dashboard.rally.new") }).click();
  for (const [language, l] of [["Русский", "ru"], ["Қазақша", "kk"], ["English", "en"]] as const) {
    await localized(org, en("dashboard.rallyFields.title"), language).fill(titles[l]);
    await localized(org, en("dashboard.rallyFields.description"), language).fill({ ru: "Мирно, с цветами.", kk: "Бейбіт, гүлдермен.", en: "Peaceful, with flowers." }[l]);
    await localized(org, en("dashboard.rallyFields.address"), language).fill(places[l]);
    await localized(org, en("dashboard.rallyFields.preparation"), language).fill({ ru: "Возьмите воду.", kk: "Су алыңыз.", en: "Bring water." }[l]);
  }
  await org.getByLabel(en("dashboard.rallyFields.slug")).fill(slug);
  // A first try with the end before the start comes back with the message, nothing written.
  await org.getByLabel(en("dashboard.rallyFields.startsAt")).fill(`${day}T18:00`);
  await org.getByLabel(en("dashboard.rallyFields.endsAt")).fill(`${day}T17:00`);
  await org.getByRole("button", { name: en("dashboard.rally.create") }).click();
  await expect(org.getByRole("main").getByRole("alert")).toContainText(en("dashboard.errors.ends_before_start"));
  await org.getByLabel(en("dashboard.rallyFields.endsAt")).fill(`${day}T20:00`);
  await org.getByRole("button", { name: en("dashboard.rally.create") }).click();
  await expect(org.getByRole("status")).toHaveText(en("dashboard.notices.created"));
  await org.getByRole("button", { name: en("dashboard.rally.actions.announce") }).click();
  await expect(org.getByRole("status")).toHaveText(en("dashboard.notices.rallyAnnounced"));
  const rallyDashboard = org.url().replace(/\?.*$/, "");

  // Reachable from the home page; the page and its .ics agree on the local time and the place.
  const visitor = await browser.newPage({ baseURL });
  await visitor.goto("/kk");
  await visitor.getByRole("link", { name: titles.kk }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(titles.kk);
  await expect(visitor.getByTestId("rally-when")).toContainText("18:00");
  await expect(visitor.getByTestId("rally-when")).toContainText("20:00");
  await expect(visitor.getByTestId("rally-when")).toContainText("Алматы");
  await expect(visitor.getByTestId("rally-where")).toHaveText(places.kk);
  const ics = await icsOf(visitor, slug, "kk");
  expect(field(ics, "DTSTART")).toBe(icsUtc(`${day}T18:00`));
  expect(field(ics, "DTEND")).toBe(icsUtc(`${day}T20:00`));
  expect(field(ics, "LOCATION")).toBe(places.kk);
  expect(field(ics, "SUMMARY")).toBe(titles.kk);
  const uid = field(ics, "UID");
  const sequence = Number(field(ics, "SEQUENCE"));

  // One supporter with JavaScript, one without; both confirm.
  const withJs = await (await browser.newContext({ baseURL })).newPage();
  const a = await rsvpAndConfirm(withJs, mailbox, { slug, title: titles.en, locale: "en", name: "Dana" });
  await expect(withJs.getByRole("heading", { level: 1 })).toHaveText(en("rsvpConfirmed.title.confirmed"));
  const noJs = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
  const b = await rsvpAndConfirm(noJs, mailbox, { slug, title: titles.ru, locale: "ru" });
  await expect(noJs.getByRole("heading", { level: 1 })).toHaveText(t("ru", "rsvpConfirmed.title.confirmed"));
  const registered = await mailbox.waitFor((e) => e.to.includes(a.email) && e.subject === en("rallyEmails.registered.subject", { title: titles.en }));
  expect(registered.text).toContain("Bring water.");
  expect(registered.text).toContain(`/api/v1/rallies/${slug}/calendar.ics?locale=en`);
  // A second visit of the confirmation link says "already confirmed" and has no button.
  await withJs.goto(a.confirm);
  await expect(withJs.getByRole("heading", { level: 1 })).toHaveText(en("confirmRsvp.confirmed.title"));
  await expect(withJs.getByRole("button", { name: en("confirmRsvp.button") })).toHaveCount(0);

  // The organizer moves the start an hour later: each attendee gets one change email with the new time.
  await org.goto(rallyDashboard);
  await org.getByLabel(en("dashboard.rallyFields.startsAt")).fill(`${day}T19:00`);
  await org.getByLabel(en("dashboard.rallyFields.endsAt")).fill(`${day}T21:00`);
  await localized(org, en("dashboard.rallyFields.changeMessage"), "English").fill("The akimat agreed a later hour.");
  await org.getByRole("button", { name: en("dashboard.form.save") }).click();
  await expect(org.getByRole("status")).toHaveText(en("dashboard.notices.rallySaved"));
  const changedA = await mailbox.waitFor((e) => e.to.includes(a.email) && e.subject === en("rallyEmails.changed.subject", { title: titles.en }), 30_000);
  expect(changedA.text).toMatch(/19:00\s*–\s*21:00/);
  expect(changedA.text).toContain("The akimat agreed a later hour.");
  const changedB = await mailbox.waitFor((e) => e.to.includes(b.email) && e.subject === t("ru", "rallyEmails.changed.subject", { title: titles.ru }), 30_000);
  expect(changedB.text).toMatch(/19:00\s*–\s*21:00/);
  expect(await noticeCounts(slug, "changed")).toEqual([1, 1]);
  const changedMails = (await mailbox.emails()).filter((e) => (e.to.includes(a.email) || e.to.includes(b.email)) && /^(Changed|Изменения):/.test(e.subject));
  expect(changedMails).toHaveLength(2);
  await expect.poll(async () => field(await icsOf(visitor, slug, "kk"), "DTSTART"), { timeout: 6_000 }).toBe(icsUtc(`${day}T19:00`));
  const icsAfter = await icsOf(visitor, slug, "kk");
  expect(field(icsAfter, "UID")).toBe(uid);
  expect(Number(field(icsAfter, "SEQUENCE"))).toBeGreaterThan(sequence);
  await eventually(visitor, `/en/rallies/${slug}`, () => expect(visitor.getByTestId("rally-banner")).toContainText(en("rallies.changedField.time"), { timeout: 500 }));

  // The organizer cancels: the page says so, each attendee gets one cancellation email, the .ics says CANCELLED.
  await org.goto(rallyDashboard);
  await localized(org, en("dashboard.rallyFields.cancelNote"), "English").fill("The akimat refused.");
  await org.getByRole("button", { name: en("dashboard.rally.actions.cancel") }).click();
  await expect(org.getByRole("status")).toHaveText(en("dashboard.notices.rallyCancelled"));
  await eventually(visitor, `/en/rallies/${slug}`, () =>
    expect(visitor.getByTestId("rally-banner")).toContainText(en("rallies.cancelledBanner", { date: "" }).split("(")[0]!.trim(), { timeout: 500 }),
  );
  await expect(visitor.getByTestId("rally-banner")).toContainText("The akimat refused.");
  await expect(visitor.getByLabel(en("rsvpForm.email"))).toHaveCount(0);
  const cancelledA = await mailbox.waitFor((e) => e.to.includes(a.email) && e.subject === en("rallyEmails.cancelled.subject", { title: titles.en }));
  expect(cancelledA.text).toContain("The akimat refused.");
  await mailbox.waitFor((e) => e.to.includes(b.email) && e.subject === t("ru", "rallyEmails.cancelled.subject", { title: titles.ru }));
  expect(await noticeCounts(slug, "cancelled")).toEqual([1, 1]);
  await expect.poll(async () => field(await icsOf(visitor, slug), "STATUS"), { timeout: 6_000 }).toBe("CANCELLED");
  const icsCancelled = await icsOf(visitor, slug);
  expect(Number(field(icsCancelled, "SEQUENCE"))).toBeGreaterThan(Number(field(icsAfter, "SEQUENCE")));
  // An RSVP to a cancelled rally is refused, with the form's message and a 409.
  const refused = await visitor.request.post(`/api/v1/rallies/${slug}/rsvps`, { form: { email: "late@example.org", locale: "en" } });
  expect(refused.status()).toBe(409);
  expect(await refused.text()).toContain(en("rsvpForm.errors.rally_closed"));
});
