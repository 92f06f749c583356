import { expect, test } from "../support/fixtures";
import { t } from "../support/site";
import { confirmPetitionAction, contextWithSession, createCampaign, createPetitionIn, createUser, localized, unique } from "./helpers";

const ru = (key: string, values?: Record<string, string | number>) => t("ru", key, values);

test("with JavaScript off an organizer writes, corrects, publishes and closes a petition", async ({ browser, baseURL }) => {
  const campaign = await createCampaign();
  const organizer = await createUser("organizer", [campaign.id]);
  const context = await contextWithSession(browser, baseURL!, organizer.id, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/ru/dashboard/campaigns/${campaign.id}/petitions/new`);

  const slug = unique("nojs");
  for (const language of ["Русский", "Қазақша", "English"] as const) {
    await localized(page, ru("dashboard.fields.petitionTitle"), language).fill(`Заголовок ${language} ${slug}`);
    await localized(page, ru("dashboard.fields.target"), language).fill(`Адресат ${language}`);
    await localized(page, ru("dashboard.fields.summary"), language).fill(`Кратко ${language}`);
  }
  // The English text is missing, and the goal is not a number: the draft is saved, publishing names the gap.
  await localized(page, ru("dashboard.fields.body"), "Русский").fill("Текст");
  await localized(page, ru("dashboard.fields.body"), "Қазақша").fill("Мәтін");
  await page.getByLabel(ru("dashboard.fields.petitionSlug")).fill(slug);
  await page.getByLabel(ru("dashboard.fields.goal")).fill("0");
  await page.getByRole("button", { name: ru("dashboard.petition.create") }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(ru("dashboard.errors.invalid_number"));
  await expect(page.getByLabel(ru("dashboard.fields.petitionSlug"))).toHaveValue(slug);
  await expect(localized(page, ru("dashboard.fields.body"), "Қазақша")).toHaveValue("Мәтін");

  await page.getByLabel(ru("dashboard.fields.goal")).fill("100");
  await page.getByRole("button", { name: ru("dashboard.petition.create") }).click();
  await expect(page.getByRole("status")).toHaveText(ru("dashboard.notices.created"));

  await confirmPetitionAction(page, "ru", "publish");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText(`${ru("dashboard.fields.body")} (English): ${ru("dashboard.errors.translation_missing")}`);

  await localized(page, ru("dashboard.fields.body"), "English").fill("Text");
  await page.getByRole("button", { name: ru("dashboard.form.save") }).click();
  await expect(page.getByRole("status")).toHaveText(ru("dashboard.notices.saved"));
  await confirmPetitionAction(page, "ru", "publish");
  await expect(page.getByRole("status")).toHaveText(ru("dashboard.notices.published"));
  await confirmPetitionAction(page, "ru", "close");
  await expect(page.getByRole("status")).toHaveText(ru("dashboard.notices.closed"));

  await page.goto(`/ru/petitions/${slug}`);
  await expect(page.getByText(ru("petitions.state.closed"), { exact: true })).toBeVisible();
  await context.close();
});

test("two organizers editing the same draft: the second save is refused with a clear message, nothing overwritten", async ({ browser, baseURL }) => {
  const campaign = await createCampaign();
  const petition = await createPetitionIn(campaign.id, "draft");
  const first = await createUser("organizer", [campaign.id]);
  const second = await createUser("organizer", [campaign.id]);
  const a = await (await contextWithSession(browser, baseURL!, first.id)).newPage();
  const b = await (await contextWithSession(browser, baseURL!, second.id, { javaScriptEnabled: false })).newPage();
  await a.goto(`/ru/dashboard/petitions/${petition.id}`);
  await b.goto(`/ru/dashboard/petitions/${petition.id}`);

  await localized(a, ru("dashboard.fields.petitionTitle"), "Русский").fill("Версия первого");
  await a.getByRole("button", { name: ru("dashboard.form.save") }).click();
  await expect(a.getByRole("status")).toHaveText(ru("dashboard.notices.saved"));

  await localized(b, ru("dashboard.fields.petitionTitle"), "Русский").fill("Версия второго");
  await b.getByRole("button", { name: ru("dashboard.form.save") }).click();
  await expect(b.getByRole("main").getByRole("alert")).toContainText(ru("dashboard.errors.version_conflict"));
  await expect(localized(b, ru("dashboard.fields.petitionTitle"), "Русский")).toHaveValue("Версия второго");

  await a.reload();
  await expect(localized(a, ru("dashboard.fields.petitionTitle"), "Русский")).toHaveValue("Версия первого");
});
