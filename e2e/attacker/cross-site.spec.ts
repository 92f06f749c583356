import { db } from "../organizer/helpers";
import { createPetition } from "../support/data";
import { expect, test } from "../support/fixtures";
import { t } from "../support/site";

// Issue 13 item 9: another site must not be able to sign (or post anything else) from its visitors' browsers.

const signaturesOn = async (slug: string) =>
  Number((await db()`select count(*)::int as n from signatures s join petitions p on p.id = s.petition_id where p.slug = ${slug}`)[0]!.n);

test("a form on another site cannot sign from its visitor's browser; our own form can", async ({ page, baseURL }) => {
  const petition = await createPetition();
  const action = `${baseURL}/api/v1/petitions/${petition.slug}/signatures`;
  // A page of evil.example, in the same browser, with a form that posts to our sign route.
  await page.route("http://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Win a prize</title><form method="post" action="${action}">
        <input name="name" value="Bot"><input name="email" value="victim.${Date.now()}@example.org"><input name="locale" value="en">
        <button>Claim</button></form>`,
    }),
  );
  await page.goto("http://evil.example/prize");
  const [response] = await Promise.all([page.waitForResponse(action), page.getByRole("button", { name: "Claim" }).click()]);
  expect(response.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Запрос отклонён");
  await expect(page.getByRole("heading", { name: "Request refused" })).toBeVisible();
  expect(await signaturesOn(petition.slug)).toBe(0);

  // The same person on our own page signs as usual.
  await page.goto(`/en/petitions/${petition.slug}`);
  await page.getByLabel(t("en", "signForm.name")).fill("Aigerim");
  await page.getByLabel(t("en", "signForm.email")).fill(`own.${Date.now()}@example.org`);
  await page.getByRole("button", { name: t("en", "signForm.submit") }).click();
  await expect(page).toHaveURL(/\/signed$/);
  expect(await signaturesOn(petition.slug)).toBe(1);
});

test("every write a browser marks as foreign is refused with 403 and writes nothing; API clients still sign", async ({ request, baseURL }) => {
  const petition = await createPetition();
  const path = `/api/v1/petitions/${petition.slug}/signatures`;
  const form = (tag: string) => ({ name: "Aigerim", email: `${tag}.${Date.now()}@example.org`, locale: "en" });
  const own = new URL(baseURL!).origin;
  for (const headers of <Record<string, string>[]>[
    { origin: "https://evil.example" },
    { origin: "null" },
    { "sec-fetch-site": "cross-site" },
    { "sec-fetch-site": "same-site", origin: own },
    { "sec-fetch-site": "cross-site", origin: own },
  ]) {
    const answer = await request.post(path, { form: form("foreign"), headers, maxRedirects: 0 });
    expect(answer.status(), JSON.stringify(headers)).toBe(403);
    expect(answer.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  }
  expect(await signaturesOn(petition.slug)).toBe(0);
  // A server action posted from another site: our 403, not Next's 500.
  const action = await request.post("/en/sign-in", { form: { email: "x@example.org" }, headers: { origin: "https://evil.example", "next-action": "0".repeat(42) }, maxRedirects: 0 });
  expect(action.status()).toBe(403);

  for (const headers of <Record<string, string>[]>[{ origin: own, "sec-fetch-site": "same-origin" }, { "sec-fetch-site": "none" }, {}]) {
    const answer = await request.post(path, { form: form("ok"), headers, maxRedirects: 0 });
    expect(answer.status(), JSON.stringify(headers)).toBe(303);
  }
  expect(await signaturesOn(petition.slug)).toBe(3);
});
