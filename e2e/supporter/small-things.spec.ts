import { contextWithSession, createUser } from "../organizer/helpers";
import { createPetition } from "../support/data";
import { expect, test } from "../support/fixtures";
import { t } from "../support/site";

test("the share box has a copy button that copies the petition's link", async ({ browser, baseURL }) => {
  const petition = await createPetition();
  const context = await browser.newContext({ baseURL, permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(`/en/petitions/${petition.slug}/signed`);
  const field = page.getByLabel(t("en", "share.copy"));
  await expect(field).toHaveValue(new RegExp(`/en/petitions/${petition.slug}$`));
  await page.getByRole("button", { name: t("en", "share.copyButton") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("en", "share.copied") })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await field.inputValue());
  await context.close();
});

test("without JavaScript the share box is a plain field to select, and no button that would do nothing", async ({ browser, baseURL }) => {
  const petition = await createPetition();
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/en/petitions/${petition.slug}/signed`);
  await expect(page.getByLabel(t("en", "share.copy"))).toHaveValue(new RegExp(`/en/petitions/${petition.slug}$`));
  await expect(page.getByLabel(t("en", "share.copy"))).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: t("en", "share.copyButton") })).toHaveCount(0);
  await context.close();
});

test("the 404 page names itself in its title and prefetches nothing", async ({ page }) => {
  const prefetches: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"] || /[?&]_rsc=/.test(r.url())) prefetches.push(r.url());
  });
  const response = await page.goto("/kk/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle(`${t("kk", "notFound.title")} · ${t("kk", "meta.siteName")}`);
  await page.getByRole("main").getByRole("link", { name: t("kk", "notFound.petitions") }).hover();
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);
});

test("at 320 px every account's 'Remove access' is on screen, without sideways scrolling", async ({ browser, baseURL }) => {
  const admin = await createUser("admin");
  await createUser("organizer");
  const context = await contextWithSession(browser, baseURL!, admin.id);
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/en/dashboard/people");
  const buttons = page.getByRole("button", { name: t("en", "dashboard.people.remove") });
  expect(await buttons.count()).toBeGreaterThan(0);
  for (const button of await buttons.all()) {
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await context.close();
});
