import { randomBytes } from "node:crypto";
import { request as playwrightRequest } from "@playwright/test";
import { indexOf, sealedSubscriberEmail } from "../support/data";
import { expect, test } from "../support/fixtures";
import { t } from "../support/site";
import { contextWithSession, createCampaign, createPetitionIn, createUser, db, localized } from "./helpers";

/**
 * The update story end to end: a supporter signs with "send me updates" and confirms (one email confirms both);
 * the organizer writes an update in three languages, previews it, sends a test and then the update; the supporter's
 * copy is in their language with both List-Unsubscribe headers; the preference page changes their language; a
 * cookie-less one-click POST unsubscribes; the next update reaches the others and not them.
 */
test("an update reaches a new subscriber in their language, and one click takes them off the list", async ({ browser, baseURL, mailbox }) => {
  test.setTimeout(180_000);
  const campaign = await createCampaign();
  const petition = await createPetitionIn(campaign.id);
  const organizer = await createUser("organizer", [campaign.id]);
  const tag = randomBytes(4).toString("hex");
  const email = `aliya.${tag}@example.org`;

  // The supporter signs in Kazakh, asking for updates, and confirms.
  const supporter = await browser.newContext({ baseURL });
  const page = await supporter.newPage();
  await page.goto(`/kk/petitions/${petition.slug}`);
  // The sign form (the page also has the standalone "get updates" form).
  const sign = page.locator("form", { has: page.locator("#sign-email") });
  await sign.getByLabel(t("kk", "signForm.name")).fill("Әлия");
  await sign.getByLabel(t("kk", "signForm.email")).fill(email);
  await sign.getByLabel(t("kk", "signForm.updates")).check();
  await sign.getByRole("button", { name: t("kk", "signForm.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/kk/petitions/${petition.slug}/signed$`));
  const confirmation = await mailbox.waitFor((e) => e.to.includes(email));
  await page.goto(/https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]{43}/.exec(confirmation.text ?? "")![0]);
  await page.getByRole("button", { name: t("kk", "confirm.button") }).click();
  await expect(page).toHaveURL(new RegExp(`/kk/petitions/${petition.slug}/thanks$`));
  // Another subscriber (English), so the second update has someone to go to.
  const other = `other.${tag}@example.org`;
  await db()`insert into subscribers (campaign_id, email_index, email_sealed, locale, state, source, consent_wording_version, token_nonce, confirm_token_hash, manage_token_hash, token_expires_at, confirmed_at)
             values (${campaign.id}, ${indexOf(other)}, ${sealedSubscriberEmail(other)}, 'en', 'confirmed', 'standalone', 'updates-v1', ${tag}, ${`c${tag}`}, ${`m${tag}`}, now() + interval '1 day', now())`;

  // The organizer writes an update in three languages.
  const dashboard = await contextWithSession(browser, baseURL!, organizer.id);
  const o = await dashboard.newPage();
  await o.goto(`/en/dashboard/campaigns/${campaign.id}`);
  await o.getByRole("link", { name: t("en", "dashboard.update.new") }).click();
  const titles = { ru: `Суд назначен ${tag}`, kk: `Сот тағайындалды ${tag}`, en: `Court date set ${tag}` };
  const bodies = { ru: "Заседание **в понедельник** в 10:00.", kk: "Отырыс **дүйсенбіде** сағат 10:00-де.", en: "The hearing is **on Monday** at 10:00." };
  const titleLegend = t("en", "dashboard.updateFields.title");
  const bodyLegend = t("en", "dashboard.updateFields.body");
  for (const [l, language] of [["ru", "Русский"], ["kk", "Қазақша"], ["en", "English"]] as const) {
    await localized(o, titleLegend, language).fill(titles[l]);
    await localized(o, bodyLegend, language).fill(bodies[l]);
  }
  await o.getByRole("button", { name: t("en", "dashboard.update.saveDraft") }).click();
  await expect(o.getByRole("heading", { level: 1 })).toHaveText(titles.en);
  await expect(o.getByTestId("subscriber-count")).toContainText("2");

  // Preview in Kazakh: the subject and both parts.
  await o.getByRole("link", { name: t("en", "dashboard.update.previewIn", { language: "Қазақша" }) }).click();
  await expect(o.getByTestId("preview-subject")).toContainText(titles.kk);
  await expect(o.getByTestId("preview-html").locator("strong")).toHaveText("дүйсенбіде");
  await expect(o.getByTestId("preview-text")).toContainText("дүйсенбіде");
  await o.getByRole("link", { name: `← ${t("en", "dashboard.update.title")}` }).click();

  // A test to the organizer, then the send; a second press sends nothing more.
  await o.getByRole("button", { name: t("en", "dashboard.update.actions.test") }).click();
  await expect(o.getByText(t("en", "dashboard.notices.updateTestSent"))).toBeVisible();
  await mailbox.waitFor((e) => e.to.includes(organizer.email) && e.subject.includes(titles.en));
  await o.getByRole("button", { name: t("en", "dashboard.update.actions.send") }).click();
  await expect(o.getByText(t("en", "dashboard.notices.updateSending"))).toBeVisible();

  const update = await mailbox.waitFor((e) => e.to.includes(email) && e.subject.includes(titles.kk), 60_000);
  expect(update.html).toContain("<strong>дүйсенбіде</strong>");
  expect(update.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const unsubscribe = /^<(https?:\/\/[^>]+\/api\/v1\/unsubscribe\/[A-Za-z0-9_-]+)>$/.exec(update.headers["List-Unsubscribe"] ?? "")?.[1];
  expect(unsubscribe, "List-Unsubscribe carries the one-click URL").toBeTruthy();
  await mailbox.waitFor((e) => e.to.includes(other) && e.subject.includes(titles.en), 60_000);
  // The progress shows it all sent (live with JavaScript, no reload).
  await expect(o.getByTestId("progress-sent")).toHaveText("2", { timeout: 30_000 });
  // Without JavaScript a reload shows the same: sent.
  await expect.poll(async () => (await o.reload(), (await o.getByTestId("update-state").textContent())?.trim()), { timeout: 30_000 }).toBe(t("en", "dashboard.updateState.sent"));

  // The public updates page lists it (within the cache's few seconds), in the reader's language.
  await expect.poll(async () => (await (await page.request.get("/kk/updates")).text()).includes(titles.kk), { timeout: 10_000 }).toBe(true);

  // The preference page (the link in the email) changes the language.
  const preferences = /https?:\/\/\S+\/subscriptions\/[A-Za-z0-9_-]{43}/.exec(update.text ?? "")?.[0];
  expect(preferences, "the email links to the preferences").toBeTruthy();
  await page.goto(preferences!);
  await page.getByLabel("English").check();
  await page.getByRole("button", { name: t("kk", "preferences.languageSave") }).click();
  // Saved (the page may now speak the new language).
  await expect(page.getByRole("status")).toHaveText(new RegExp(["kk", "en"].map((l) => t(l as "kk", "preferences.done.language")).join("|")));
  const [row] = await db()`select locale, state from subscribers where campaign_id = ${campaign.id} and email_index = ${indexOf(email)}`;
  expect(row).toMatchObject({ locale: "en", state: "confirmed" });

  // One click, as a mail client does it: no cookie, from nowhere.
  const bare = await playwrightRequest.newContext();
  const answer = await bare.post(unsubscribe!, { form: { "List-Unsubscribe": "One-Click" } });
  expect(answer.status()).toBeLessThan(300);
  await bare.dispose();
  const [after] = await db()`select state from subscribers where campaign_id = ${campaign.id} and email_index = ${indexOf(email)}`;
  expect(after!.state).toBe("unsubscribed");

  // The next update goes to the other subscriber and not to them.
  await o.goto(`/en/dashboard/campaigns/${campaign.id}/updates/new`);
  await localized(o, titleLegend, "Русский").fill(`Второе ${tag}`);
  await localized(o, bodyLegend, "Русский").fill("Текст.");
  await localized(o, titleLegend, "English").fill(`Second ${tag}`);
  await localized(o, bodyLegend, "English").fill("Text.");
  await o.getByRole("button", { name: t("en", "dashboard.update.saveDraft") }).click();
  await expect(o.getByTestId("subscriber-count")).toContainText("1");
  await o.getByRole("button", { name: t("en", "dashboard.update.actions.send") }).click();
  await mailbox.waitFor((e) => e.to.includes(other) && e.subject.includes(`Second ${tag}`), 60_000);
  await expect(o.getByTestId("progress-sent")).toHaveText("1", { timeout: 30_000 });
  expect((await mailbox.emails()).filter((e) => e.to.includes(email) && (e.subject.includes(`Second ${tag}`) || e.subject.includes(`Второе ${tag}`)))).toHaveLength(0);
  await dashboard.close();
  await supporter.close();
});

test("a send to a campaign nobody has subscribed to says so, and an update with raw HTML is refused", async ({ browser, baseURL }) => {
  const campaign = await createCampaign();
  const organizer = await createUser("organizer", [campaign.id]);
  const dashboard = await contextWithSession(browser, baseURL!, organizer.id, { javaScriptEnabled: false });
  const o = await dashboard.newPage();
  await o.goto(`/ru/dashboard/campaigns/${campaign.id}/updates/new`);
  const titleLegend = t("ru", "dashboard.updateFields.title");
  const bodyLegend = t("ru", "dashboard.updateFields.body");
  await localized(o, titleLegend, "Русский").fill("Заголовок");
  await localized(o, bodyLegend, "Русский").fill('<script>alert(1)</script> и [ссылка](javascript:alert(1))');
  await o.getByRole("button", { name: t("ru", "dashboard.update.saveDraft") }).click();
  await expect(o.getByRole("alert")).toContainText(t("ru", "dashboard.errors.markdown_html"));
  await localized(o, bodyLegend, "Русский").fill("Обычный текст.");
  await o.getByRole("button", { name: t("ru", "dashboard.update.saveDraft") }).click();
  await expect(o.getByTestId("subscriber-count")).toBeVisible();
  await o.getByRole("button", { name: t("ru", "dashboard.update.actions.send") }).click();
  await expect(o.getByRole("alert")).toContainText(t("ru", "dashboard.errors.update_no_subscribers"));
  await expect(o.getByTestId("update-state")).toHaveText(t("ru", "dashboard.updateState.draft"));
  await dashboard.close();
});
