import { readFile } from "node:fs/promises";
import { expect, test } from "../support/fixtures";
import { campaign, t } from "../support/site";
import { confirmPetitionAction, createUser, enrollSecondFactor, localized, signInByEmail, unique } from "./helpers";

const kk = (key: string, values?: Record<string, string | number>) => t("kk", key, values);
const en = (key: string, values?: Record<string, string | number>) => t("en", key, values);

test("an admin invites an organizer, who writes a petition in three languages, publishes it, sees a signature, exports and closes it", async ({
  browser,
  baseURL,
  mailbox,
}) => {
  test.setTimeout(120_000);
  const admin = await createUser("admin");
  const organizerEmail = `${unique("organizer")}@example.org`;

  // The admin signs in through the emailed link and invites the organizer, in Kazakh, to the seeded campaign.
  const adminContext = await browser.newContext({ baseURL });
  const adminPage = await adminContext.newPage();
  await signInByEmail(adminPage, mailbox, admin.email, "en");
  await enrollSecondFactor(adminPage, "en");
  await adminPage.getByRole("link", { name: en("dashboard.nav.people") }).click();
  await adminPage.getByLabel(en("dashboard.fields.email")).fill(organizerEmail);
  await adminPage.getByLabel(en("dashboard.fields.role")).selectOption("organizer");
  await adminPage.getByLabel(en("dashboard.fields.campaign")).selectOption({ label: campaign.campaign.name.en });
  await adminPage.getByLabel(en("dashboard.fields.emailLanguage")).selectOption("kk");
  await adminPage.getByRole("button", { name: en("dashboard.people.send") }).click();
  await expect(adminPage.getByRole("status")).toHaveText(en("dashboard.notices.invited"));
  await expect(adminPage.getByRole("cell", { name: organizerEmail })).toBeVisible();

  const invitation = await mailbox.waitFor((e) => e.to.includes(organizerEmail) && e.subject === kk("organizerEmails.invitation.subject"));
  expect(invitation.text).toContain(campaign.campaign.name.kk);
  const signInUrl = /https?:\/\/[^\s\])>]+\/kk\/sign-in/.exec(invitation.text ?? "")?.[0];
  expect(signInUrl).toBeTruthy();

  // The organizer follows the invitation, signs in with the emailed link.
  const orgContext = await browser.newContext({ baseURL });
  const org = await orgContext.newPage();
  await org.goto(signInUrl!);
  await signInByEmail(org, mailbox, organizerEmail, "kk");
  await expect(org.getByRole("heading", { level: 1 })).toHaveText(kk("dashboard.home.title"));
  await org.getByRole("link", { name: campaign.campaign.name.kk }).click();
  await org.getByRole("link", { name: kk("dashboard.campaign.newPetition") }).click();

  // A first try with mistakes comes back with messages and what was typed.
  const tag = unique("p");
  await localized(org, kk("dashboard.fields.petitionTitle"), "Қазақша").fill(`Айыптауды тоқтатыңыз ${tag}`);
  await org.getByLabel(kk("dashboard.fields.petitionSlug")).fill("Not A Slug!");
  await org.getByLabel(kk("dashboard.fields.goal")).fill("0");
  await org.getByRole("button", { name: kk("dashboard.petition.create") }).click();
  const alert = org.getByRole("main").getByRole("alert");
  await expect(alert).toContainText(kk("dashboard.errors.invalid_slug"));
  await expect(alert).toContainText(kk("dashboard.errors.invalid_number"));
  await expect(localized(org, kk("dashboard.fields.petitionTitle"), "Қазақша")).toHaveValue(`Айыптауды тоқтатыңыз ${tag}`);
  await expect(org.getByLabel(kk("dashboard.fields.petitionSlug"))).toHaveAttribute("aria-invalid", "true");

  const slug = tag.toLowerCase();
  const titles = { ru: `Прекратите преследование ${tag}`, kk: `Қудалауды тоқтатыңыз ${tag}`, en: `Stop the prosecution ${tag}` };
  for (const [language, l] of [["Русский", "ru"], ["Қазақша", "kk"], ["English", "en"]] as const) {
    await localized(org, kk("dashboard.fields.petitionTitle"), language).fill(titles[l]);
    await localized(org, kk("dashboard.fields.target"), language).fill({ ru: "Генеральному прокурору", kk: "Бас прокурорға", en: "To the Prosecutor General" }[l]);
    await localized(org, kk("dashboard.fields.summary"), language).fill({ ru: "Кратко.", kk: "Қысқаша.", en: "In short." }[l]);
    await localized(org, kk("dashboard.fields.body"), language).fill({ ru: "Текст петиции.\n\nВторой абзац.", kk: "Петиция мәтіні.\n\nЕкінші абзац.", en: "The text.\n\nA second paragraph." }[l]);
  }
  await org.getByLabel(kk("dashboard.fields.petitionSlug")).fill(slug);
  await org.getByLabel(kk("dashboard.fields.goal")).fill("500");
  await org.getByRole("button", { name: kk("dashboard.petition.create") }).click();
  await expect(org.getByRole("status")).toHaveText(kk("dashboard.notices.created"));
  await expect(org.getByRole("heading", { level: 1 })).toHaveText(titles.kk);
  const petitionUrl = org.url().replace(/\?.*$/, "");

  await confirmPetitionAction(org, "kk", "publish");
  await expect(org.getByRole("status")).toHaveText(kk("dashboard.notices.published"));
  await expect(org.getByText(kk("dashboard.petitionState.published"), { exact: true })).toBeVisible();
  await expect(org.getByTestId("confirmed-count")).toHaveText("0");

  // A supporter signs it and confirms by email.
  const supporterEmail = `${unique("supporter")}@example.org`;
  const supporterContext = await browser.newContext({ baseURL });
  const supporter = await supporterContext.newPage();
  await supporter.goto(`/en/petitions/${slug}`);
  await expect(supporter.getByRole("heading", { level: 1 })).toHaveText(titles.en);
  await supporter.getByLabel(en("signForm.name")).fill("Әлия Нұрланқызы");
  await supporter.getByLabel(en("signForm.email")).fill(supporterEmail);
  await supporter.getByLabel(en("signForm.delivery", { target: "To the Prosecutor General" })).check();
  await supporter.getByRole("button", { name: en("signForm.submit") }).click();
  await expect(supporter).toHaveURL(/\/signed$/);
  const confirmation = await mailbox.waitFor((e) => e.to.includes(supporterEmail));
  const confirmUrl = /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]{43}/.exec(confirmation.text ?? "")?.[0];
  await supporter.goto(confirmUrl!);
  await supporter.getByRole("button", { name: en("confirm.button") }).click();
  await expect(supporter).toHaveURL(/\/thanks$/);

  // The organizer sees the count and the day's bar, and downloads the delivery pack: the name the signer
  // agreed to hand over, no address; the signers' export with addresses is not offered to an organizer.
  await org.goto(petitionUrl);
  await expect(org.getByTestId("confirmed-count")).toHaveText("1");
  await expect(org.getByTestId("delivery-name-count")).toHaveText("1");
  await expect(org.getByRole("img", { name: new RegExp(kk("dashboard.figures.perDay")) })).toBeVisible();
  await expect(org.getByRole("button", { name: kk("dashboard.export.download") })).toHaveCount(0);
  await org.getByLabel(kk("dashboard.export.language")).selectOption("en");
  const [download] = await Promise.all([org.waitForEvent("download"), org.getByRole("button", { name: kk("dashboard.export.csv") }).click()]);
  expect(download.suggestedFilename()).toBe(`${slug}-delivery-en.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain("Әлия Нұрланқызы");
  expect(csv.split("\r\n")[0]).toBe(`\uFEFF"${en("deliveryPack.csvPetition")}","${titles.en}"`);
  expect(csv).not.toContain(supporterEmail);

  // Closing: the public page shows the final count and takes no more signatures.
  await confirmPetitionAction(org, "kk", "close");
  await expect(org.getByRole("status")).toHaveText(kk("dashboard.notices.closed"));
  // (Public pages are shared for a few seconds: the change shows within 5 s.)
  await expect(async () => {
    await supporter.goto(`/en/petitions/${slug}`);
    await expect(supporter.getByText(en("petitions.state.closed"), { exact: true })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
  await expect(supporter.getByRole("status")).toHaveText(en("petitions.closedNotice", { count: 1 }));
  await expect(supporter.getByRole("button", { name: en("signForm.submit") })).toHaveCount(0);

  // The admin's audit log has the sign-ins, the invitation, the publication, the delivery pack and the close.
  await adminPage.goto("/en/dashboard/audit");
  for (const action of ["sign_in", "invite", "petition_publish", "signatures_delivery_pack", "petition_close"]) {
    await expect(adminPage.getByRole("cell", { name: en(`dashboard.audit.actions.${action}`), exact: true }).first()).toBeVisible();
  }
  await expect(adminPage.getByRole("cell", { name: organizerEmail }).first()).toBeVisible();
  for (const c of [adminContext, orgContext, supporterContext]) await c.close();
});
