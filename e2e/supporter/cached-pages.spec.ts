import type { APIRequestContext, Page } from "@playwright/test";
import { confirmPetitionAction, contextWithSession, createUser, db, seededCampaignId } from "../organizer/helpers";
import { createPetition } from "../support/data";
import { expect, test } from "../support/fixtures";
import type { Mailbox } from "../support/mailbox";
import { t } from "../support/site";

// Public pages and the count JSON come from a shared cache of a few seconds (scripts/page-cache.mjs): these
// tests check what that must never change — fresh within 5 s, nothing of a signed-in organizer in it.

const countOnPage = async (page: Page, path: string) => {
  await page.goto(path);
  return Number(await page.getByTestId("signature-count").getAttribute("data-count"));
};
const countInJson = async (request: APIRequestContext, slug: string) =>
  ((await (await request.get(`/api/v1/petitions/${slug}`)).json()) as { count: number }).count;

/**
 * Visitors are being served copies of `path`. Polled: on a busy machine a browser's page load can outlast a copy's
 * few seconds, so the next request is the one that renders the new copy (MISS) and the one after it a HIT.
 */
const expectServedFromCache = (request: APIRequestContext, path: string) =>
  expect.poll(async () => (await request.get(path)).headers()["x-cache"], { timeout: 10_000, intervals: [0, 100] }).toMatch(/HIT|STALE/);

async function signAndConfirm(request: APIRequestContext, mailbox: Mailbox, slug: string): Promise<void> {
  const email = `cached.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.org`;
  const signed = await request.post(`/api/v1/petitions/${slug}/signatures`, {
    headers: { Accept: "application/json" },
    data: { name: "Dana", email, locale: "en" },
  });
  expect(signed.status()).toBe(202);
  const mail = await mailbox.waitFor((e) => e.to.includes(email));
  const token = /\/confirm\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? "")?.[1];
  const confirmed = await request.post("/api/v1/signatures/confirm", { headers: { Accept: "application/json" }, form: { token: token!, locale: "en" } });
  expect(confirmed.status()).toBe(200);
}

test("after a confirmation the petition page and the count JSON show the new count within 5 s", async ({ page, request, mailbox }) => {
  const { slug } = await createPetition();
  const path = `/en/petitions/${slug}`;
  // Visitors are being served copies: the page and the JSON are in the cache before the signature.
  expect(await countOnPage(page, path)).toBe(0);
  await expectServedFromCache(request, path);
  expect(await countInJson(request, slug)).toBe(0);

  await signAndConfirm(request, mailbox, slug);
  const confirmedAt = Date.now();
  await expect.poll(() => countOnPage(page, path), { timeout: 5_000, intervals: [200] }).toBe(1);
  await expect.poll(() => countInJson(request, slug), { timeout: Math.max(0, 5_000 - (Date.now() - confirmedAt)), intervals: [200] }).toBe(1);
});

test("an organizer's change shows on the public page within 5 s", async ({ browser, baseURL, page }) => {
  const campaignId = await seededCampaignId();
  const { slug } = await createPetition();
  const path = `/en/petitions/${slug}`;
  await page.goto(path);
  await expect(page.getByRole("button", { name: t("en", "signForm.submit") })).toBeVisible();
  await expectServedFromCache(page.request, path);

  const organizer = await createUser("organizer", [campaignId]);
  const context = await contextWithSession(browser, baseURL!, organizer.id);
  const dashboard = await context.newPage();
  const [{ id }] = (await db()`select id from petitions where slug = ${slug}`) as unknown as [{ id: string }];
  await dashboard.goto(`/en/dashboard/petitions/${id}`);
  await confirmPetitionAction(dashboard, "en", "close");
  await expect(dashboard.getByRole("status")).toHaveText(t("en", "dashboard.notices.closed"));
  const closedAt = Date.now();

  await expect(async () => {
    await page.goto(path);
    await expect(page.getByRole("button", { name: t("en", "signForm.submit") })).toHaveCount(0, { timeout: 200 });
  }).toPass({ timeout: 5_000, intervals: [200] });
  expect(Date.now() - closedAt).toBeLessThan(5_000);
  await expect(page.getByText(t("en", "petitions.state.closed"), { exact: true })).toBeVisible();
  await context.close();
});

test("a signed-in organizer never gets a shared copy, and what they are shown is never shared", async ({ browser, baseURL }) => {
  const campaignId = await seededCampaignId();
  const organizer = await createUser("organizer", [campaignId]);
  const { slug } = await createPetition();
  const path = `/en/petitions/${slug}`;
  const signedIn = await contextWithSession(browser, baseURL!, organizer.id);
  const org = await signedIn.newPage();
  const visitorContext = await browser.newContext({ baseURL });
  const visitor = await visitorContext.newPage();

  // The organizer is first on a page nobody has seen: rendered for them, private, not kept.
  for (const url of [path, "/en", "/en/petitions", "/en/profile", `/api/v1/petitions/${slug}`]) {
    const own = await org.goto(url);
    expect(own?.status(), url).toBe(200);
    expect(own?.headers()["x-cache"], url).toBeUndefined();
    expect(own?.headers()["cache-control"], url).toMatch(/^private, .*no-store/);
  }
  const first = await visitor.goto(path);
  expect(first?.headers()["x-cache"]).toBe("MISS");
  expect(first?.headers()["cache-control"]).toMatch(/^public, .*s-maxage=\d/);
  expect((await visitor.goto(path))?.headers()["x-cache"]).toMatch(/HIT|STALE/);
  expect(await visitor.content()).not.toContain(organizer.email);

  // …and a copy others are served never reaches the organizer.
  const again = await org.goto(path);
  expect(again?.headers()["x-cache"]).toBeUndefined();
  expect(again?.headers()["cache-control"]).toMatch(/^private, .*no-store/);
  // A client navigation's RSC payload is never shared either.
  const rsc = await visitor.request.get(path, { headers: { rsc: "1" } });
  expect(rsc.headers()["cache-control"]).toMatch(/private/);
  expect(rsc.headers()["x-cache"]).toBeUndefined();
  // The dashboard and sign-in pages are private for everyone.
  for (const url of ["/en/dashboard", "/en/sign-in"]) {
    expect((await org.goto(url))?.headers()["cache-control"], url).toMatch(/^private, .*no-store/);
    expect((await visitor.goto(url))?.headers()["cache-control"], url).toMatch(/^private, .*no-store/);
  }
  await signedIn.close();
  await visitorContext.close();
});
