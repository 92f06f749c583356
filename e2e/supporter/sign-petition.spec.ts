import type { Page } from "@playwright/test";
import { createPetition } from "../support/data";
import { expect, test } from "../support/fixtures";
import { petitionSlug, t } from "../support/site";

// Counts are compared before and after: these tests run one after another.
test.describe.configure({ mode: "serial" });

const petitionPath = (locale: string, slug = petitionSlug) => `/${locale}/petitions/${slug}`;
const uniqueEmail = (tag: string) => `Aliya.${tag}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@Example.org`;

/** The count JSON. Public answers come from a cache of a few seconds: a new count shows within 5 s, not at once. */
async function apiCount(page: Page, slug = petitionSlug): Promise<number> {
  const response = await page.request.get(`/api/v1/petitions/${slug}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { count: number }).count;
}

const confirmLink = (text: string | null) => /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]{43}/.exec(text ?? "")?.[0];

for (const javaScriptEnabled of [true, false]) {
  test(`a supporter signs in Russian with a Kazakh name, confirms by email, and the count goes up by one (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
    mailbox,
    baseURL,
  }) => {
    // Many pages in one story (sign, confirm, the used link in three languages, the privacy sweep) on shared cores.
    test.setTimeout(60_000);
    const { slug } = await createPetition();
    const context = await browser.newContext({ baseURL, javaScriptEnabled });
    const page = await context.newPage();
    const email = uniqueEmail(javaScriptEnabled ? "js" : "nojs");
    expect(await apiCount(page, slug)).toBe(0);

    await page.goto(petitionPath("ru", slug));
    await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "0");
    await page.locator("#sign-petition-form").getByLabel(t("ru", "signForm.name")).fill("Әлия Нұрланқызы");
    await page.locator("#sign-petition-form").getByLabel(t("ru", "signForm.email")).fill(email);
    await page.locator("#sign-petition-form").getByLabel(t("ru", "signForm.updates")).check();
    await page.getByRole("button", { name: t("ru", "signForm.submit") }).click();

    await expect(page).toHaveURL(new RegExp(`/ru/petitions/${slug}/signed$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ru", "signed.title"));
    await expect(page.locator("body")).not.toContainText(email.toLowerCase(), { ignoreCase: true });

    const message = await mailbox.waitFor((e) => e.to.includes(email.toLowerCase()));
    expect(message.subject).toContain("Подтвердите подпись");
    expect(message.html).toContain("Әлия Нұрланқызы");
    expect(message.text).toContain("Әлия Нұрланқызы");
    const link = confirmLink(message.text);
    expect(link).toBeTruthy();

    // Opening the link (as a mail scanner would) confirms nothing.
    await page.goto(link!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ru", "confirm.title"));

    await page.getByRole("button", { name: t("ru", "confirm.button") }).click();
    await expect(page).toHaveURL(new RegExp(`/ru/petitions/${slug}/thanks$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ru", "thanks.title"));
    // The thanks page is the signer's own (never shared): the new count at once. Public answers within 5 s.
    await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "1");
    await expect.poll(() => apiCount(page, slug), { timeout: 5_000 }).toBe(1);

    // Opening the used link again says it is already confirmed, offers the share step, and counts nothing.
    await page.goto(link!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ru", "thanks.already"));
    await expect(page.getByRole("button", { name: t("ru", "confirm.button") })).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 2, name: t("ru", "petitions.share") })).toBeVisible();
    await expect(page.getByRole("link", { name: t("ru", "share.telegram") })).toBeVisible();
    await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "1");
    for (const locale of ["kk", "en"] as const) {
      await page.goto(link!.replace(/\/ru\/confirm\//, `/${locale}/confirm/`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(locale, "thanks.already"));
      await expect(page.getByRole("heading", { level: 2, name: t(locale, "petitions.share") })).toBeVisible();
    }

    // The address appears on no public page.
    for (const path of ["/ru", petitionPath("ru", slug), `${petitionPath("ru", slug)}/thanks`, "/ru/petitions"]) {
      await page.goto(path);
      await expect(page.locator("body")).not.toContainText(email.toLowerCase(), { ignoreCase: true });
    }
    expect((await mailbox.emails()).filter((e) => e.to.includes(email.toLowerCase()))).toHaveLength(1);
    await context.close();
  });
}

test("with JavaScript off, mistakes come back as the form with messages in the page's language and what was typed", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const before = await apiCount(page);
  await page.goto(petitionPath("kk"));
  await page.locator("#sign-petition-form").getByLabel(t("kk", "signForm.name")).fill("=HYPERLINK(\"x\")");
  await page.locator("#sign-petition-form").getByLabel(t("kk", "signForm.email")).fill("not-an-address");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/signatures") && r.request().method() === "POST"),
    page.getByRole("button", { name: t("kk", "signForm.submit") }).click(),
  ]);
  expect(response.status()).toBe(422);
  await expect(page.getByRole("alert")).toContainText(t("kk", "signForm.errors.name_formula"));
  await expect(page.getByRole("alert")).toContainText(t("kk", "signForm.errors.email_invalid"));
  await expect(page.locator("#sign-petition-form").getByLabel(t("kk", "signForm.name"))).toHaveValue("=HYPERLINK(\"x\")");
  await expect(page.locator("#sign-petition-form").getByLabel(t("kk", "signForm.email"))).toHaveValue("not-an-address");
  await expect(page.locator("#sign-petition-form").getByLabel(t("kk", "signForm.name"))).toHaveAttribute("aria-invalid", "true");

  // Correcting the form from this page works.
  await page.locator("#sign-petition-form").getByLabel(t("kk", "signForm.name")).fill("Айгүл Сейітова");
  await page.locator("#sign-petition-form").getByLabel(t("kk", "signForm.email")).fill(uniqueEmail("fixed"));
  await page.getByRole("button", { name: t("kk", "signForm.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/kk/petitions/${petitionSlug}/signed$`));
  expect(await apiCount(page)).toBe(before);
  await context.close();
});

test("with JavaScript on, mistakes show next to the fields without leaving the page", async ({ page }) => {
  await page.goto(petitionPath("en"));
  await page.locator("#sign-petition-form").getByLabel(t("en", "signForm.name")).fill("Aliya <b>N</b>");
  await page.locator("#sign-petition-form").getByLabel(t("en", "signForm.email")).fill("aliya@");
  await page.getByRole("button", { name: t("en", "signForm.submit") }).click();
  await expect(page.getByText(t("en", "signForm.errors.email_invalid")).first()).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${petitionPath("en")}$`));
  await expect(page.locator("#sign-petition-form").getByLabel(t("en", "signForm.name"))).toHaveValue("Aliya <b>N</b>");
  await expect(page.locator("#sign-petition-form").getByLabel(t("en", "signForm.email"))).toHaveAttribute("aria-invalid", "true");
});

test("a name with HTML is kept as text, never as markup", async ({ page, mailbox }) => {
  const email = uniqueEmail("html");
  await page.goto(petitionPath("en"));
  await page.locator("#sign-petition-form").getByLabel(t("en", "signForm.name")).fill("<img src=x onerror=alert(1)>Aliya");
  await page.locator("#sign-petition-form").getByLabel(t("en", "signForm.email")).fill(email);
  await page.getByRole("button", { name: t("en", "signForm.submit") }).click();
  await expect(page).toHaveURL(/\/signed$/);
  const message = await mailbox.waitFor((e) => e.to.includes(email.toLowerCase()));
  expect(message.html).not.toContain("<img src=x");
  expect(message.html).toContain("&lt;img src=x");
});

test("an unknown confirmation link explains itself with a 404 and a way to sign again", async ({ page }) => {
  const response = await page.goto(`/en/confirm/${"A".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "confirm.invalidTitle"));
  await expect(page.getByRole("link", { name: t("en", "confirm.signAgain") })).toBeVisible();
});

test("API clients get clear 4xx answers for bad input, never a 500", async ({ request }) => {
  const url = `/api/v1/petitions/${petitionSlug}/signatures`;
  const json = { Accept: "application/json" };
  const cases: Array<[string, Promise<{ status(): number }>, number]> = [
    ["invalid JSON fields", request.post(url, { headers: json, data: { name: "", email: "x" } }), 422],
    ["long name", request.post(url, { headers: json, data: { name: "a".repeat(101), email: "a@example.org" } }), 422],
    ["URL in name", request.post(url, { headers: json, data: { name: "visit https://spam.example", email: "a@example.org" } }), 422],
    ["wrong content type", request.post(url, { headers: { ...json, "Content-Type": "text/plain" }, data: "name=a" }), 415],
    ["malformed JSON", request.post(url, { headers: { ...json, "Content-Type": "application/json" }, data: "{nope" }), 400],
    ["malformed multipart", request.post(url, { headers: { ...json, "Content-Type": "multipart/form-data; boundary=zzz" }, data: "--zzz\r\nbroken" }), 400],
    ["oversized body", request.post(url, { headers: { ...json, "Content-Type": "application/x-www-form-urlencoded" }, data: `name=${"a".repeat(70_000)}` }), 413],
    ["unknown petition", request.post(`/api/v1/petitions/no-such-petition/signatures`, { headers: json, data: { name: "A", email: "a@example.org" } }), 404],
    ["bad slug", request.post(`/api/v1/petitions/NOT%20A%20SLUG/signatures`, { headers: json, data: { name: "A", email: "a@example.org" } }), 404],
    ["unknown petition JSON", request.get(`/api/v1/petitions/no-such-petition`), 404],
    ["confirm without token", request.post(`/api/v1/signatures/confirm`, { headers: json, form: { token: "short" } }), 404],
    // Another site posting from its visitor's browser: refused before anything is read (e2e/attacker/cross-site.spec.ts).
    ["foreign Origin", request.post(url, { headers: { ...json, Origin: "https://evil.example" }, form: { name: "", email: "" } }), 403],
    ["HTML form, unknown petition", request.post(`/api/v1/petitions/no-such-petition/signatures`, { form: { name: "A", email: "a@example.org", locale: "en" }, maxRedirects: 0 }), 303],
  ];
  for (const [name, call, status] of cases) {
    expect((await call).status(), name).toBe(status);
  }
});

test("the petition's public figures are JSON without personal data, cacheable for a few seconds", async ({ request }) => {
  const response = await request.get(`/api/v1/petitions/${petitionSlug}?locale=kk`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toMatch(/max-age=\d/);
  const body = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(["count", "deadline", "goal", "locale", "open", "slug", "state", "title"]);
  expect(body).toMatchObject({ slug: petitionSlug, state: "published", open: true, locale: "kk" });
});
