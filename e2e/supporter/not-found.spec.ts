import { expect, test } from "../support/fixtures";
import { locales, t } from "../support/site";

for (const locale of locales) {
  test(`unknown petitions and paths answer 404 with a page in ${locale}`, async ({ page }) => {
    for (const path of [`/${locale}/petitions/no-such-petition`, `/${locale}/petitions/NOT_A_SLUG!`, `/${locale}/no/such/page`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(locale, "notFound.title"));
      await expect(page.getByRole("main").getByRole("link", { name: t(locale, "notFound.home") })).toBeVisible();
    }
    // …and the way back works.
    await page.getByRole("main").getByRole("link", { name: t(locale, "notFound.petitions") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/petitions$`));
  });

  // Next renders notFound() in a dynamic page as a document whose content is only in its scripts; scripts/serve.mjs
  // sends the real translated page instead, so the 404 reads the same with JavaScript off.
  test(`a missing page says so in ${locale} with JavaScript off, with a 404 status`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of [`/${locale}/no-such-page`, `/${locale}/petitions/no-such-petition`, `/${locale}/petitions/a/b/c`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(locale, "notFound.title"));
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
    }
    await context.close();
  });
}

test("an unknown language is a 404 too, never a 500", async ({ request }) => {
  for (const path of ["/de", "/de/profile", "/xx/petitions/drop-the-charges"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});

test("an unknown API path answers JSON, not a page", async ({ request }) => {
  const response = await request.get("/api/v1/no-such-thing");
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ error: "not_found" });
  // A form or an API client posting to a path no route answers (found by e2e/attacker/fuzz.spec.ts: a slug of "."
  // becomes /api/v1/campaigns/subscribers): JSON too, not Next's script-only page.
  const posted = await request.post("/api/v1/campaigns/subscribers", { form: { email: "a@example.org", locale: "kk" }, maxRedirects: 0 });
  expect(posted.status()).toBe(404);
  expect(await posted.json()).toEqual({ error: "not_found" });
});

test("a form posted to an unknown petition, rally or campaign is answered in the form's language", async ({ request }) => {
  // Found by e2e/attacker/fuzz.spec.ts: the routes looked at the slug before the form, so this was always Russian.
  const form = { email: "a@example.org", name: "Әлия", locale: "kk" };
  const signed = await request.post("/api/v1/petitions/no-such-petition/signatures", { form, maxRedirects: 0 });
  expect(signed.status()).toBe(303);
  expect(signed.headers().location).toBe("/kk/petitions/no-such-petition");
  const badSlug = await request.post("/api/v1/petitions/NOT_A_SLUG!/signatures", { form, maxRedirects: 0 });
  expect(badSlug.headers().location).toBe("/kk/petitions/unknown");
  const rsvp = await request.post("/api/v1/rallies/no-such-rally/rsvps", { form, maxRedirects: 0 });
  expect(rsvp.status()).toBe(303);
  expect(rsvp.headers().location).toBe("/kk/rallies/no-such-rally");
  for (const path of ["/api/v1/campaigns/no-such-campaign/subscribers", "/api/v1/campaigns/NOT_A_SLUG!/subscribers"]) {
    const response = await request.post(path, { form, maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toMatch(/<html[^>]*\slang="kk"/);
  }
});

test("a path that is not valid URL encoding is a 400, not a 500", async ({ baseURL }) => {
  const response = await fetch(`${baseURL}/ru/%ZZ`);
  expect(response.status).toBe(400);
});
