import { expect, test } from "../support/fixtures";
import { createPetition } from "../support/data";
import { t } from "../support/site";

const uniqueEmail = (tag: string) => `limits.${tag}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.org`;
const confirmLink = (text: string | null) => /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]{43}/.exec(text ?? "")?.[0];

test("the name field allows what the server allows, and not a character more", async ({ page, request }) => {
  const petition = await createPetition();
  await page.goto(`/en/petitions/${petition.slug}`);
  const name = page.getByLabel(t("en", "signForm.name"));
  const max = Number(await name.getAttribute("maxlength"));
  await name.fill("a".repeat(max + 50));
  await expect(name).toHaveValue("a".repeat(max));
  const url = `/api/v1/petitions/${petition.slug}/signatures`;
  const json = { Accept: "application/json" };
  expect((await request.post(url, { headers: json, data: { name: "a".repeat(max), email: uniqueEmail("max") } })).status()).toBe(202);
  expect((await request.post(url, { headers: json, data: { name: "a".repeat(max + 1), email: uniqueEmail("over") } })).status()).toBe(422);
});

test("a 5,000-character name posted from the English form comes back in English, with the form and what was typed", async ({ browser, baseURL }) => {
  const petition = await createPetition();
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/en/petitions/${petition.slug}`);
  const email = uniqueEmail("huge");
  // A browser keeps to maxlength; a script or a pasted form need not.
  await page.getByLabel(t("en", "signForm.name")).evaluate((el: HTMLInputElement) => {
    el.removeAttribute("maxlength");
    el.value = "Ә".repeat(5000);
  });
  await page.getByLabel(t("en", "signForm.email")).fill(email);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/signatures") && r.request().method() === "POST"),
    page.getByRole("button", { name: t("en", "signForm.submit") }).click(),
  ]);
  expect(response.status()).toBe(422);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("alert")).toContainText(t("en", "signForm.errors.name_too_long"));
  await expect(page.getByLabel(t("en", "signForm.email"))).toHaveValue(email);
  expect((await page.getByLabel(t("en", "signForm.name")).inputValue()).length).toBe(5000);
  // The page names the petition and leads back to it.
  await expect(page).toHaveTitle(new RegExp(petition.title.en));
  await expect(page.getByRole("link", { name: petition.title.en })).toHaveAttribute("href", `/en/petitions/${petition.slug}`);
  await context.close();
});

test("a body too large to read is refused in the form's language, with the form", async ({ request }) => {
  const petition = await createPetition();
  const response = await request.post(`/api/v1/petitions/${petition.slug}/signatures?locale=en`, {
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html" },
    data: `name=${"a".repeat(100_000)}&locale=en`,
  });
  expect(response.status()).toBe(413);
  const html = await response.text();
  expect(html).toContain('lang="en"');
  expect(html).toContain(t("en", "signForm.errors.body_too_large"));
  expect(html).toContain(t("en", "signForm.submit"));
});

test("signing again on the English page sends the 'already signed' email in English", async ({ page, mailbox }) => {
  const petition = await createPetition();
  const email = uniqueEmail("again");
  await page.goto(`/kk/petitions/${petition.slug}`);
  await page.getByLabel(t("kk", "signForm.name")).fill("Айгүл Сейітова");
  await page.getByLabel(t("kk", "signForm.email")).fill(email);
  await page.getByRole("button", { name: t("kk", "signForm.submit") }).click();
  await expect(page).toHaveURL(/\/kk\/petitions\/.+\/signed$/);
  const first = await mailbox.waitFor((e) => e.to.includes(email));
  await page.goto(confirmLink(first.text)!);
  await page.getByRole("button", { name: t("kk", "confirm.button") }).click();
  await expect(page).toHaveURL(/\/thanks$/);

  await page.goto(`/en/petitions/${petition.slug}`);
  await page.getByLabel(t("en", "signForm.name")).fill("Aigul Seitova");
  await page.getByLabel(t("en", "signForm.email")).fill(email);
  await page.getByRole("button", { name: t("en", "signForm.submit") }).click();
  await expect(page).toHaveURL(/\/en\/petitions\/.+\/signed$/);
  const notice = await mailbox.waitFor((e) => e.to.includes(email) && e.id !== first.id);
  expect(notice.subject).toBe(t("en", "emails.alreadySigned.subject", { title: petition.title.en }));
});
