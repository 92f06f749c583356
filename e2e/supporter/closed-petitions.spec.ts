import { addSignatures, createPetition } from "../support/data";
import { db } from "../organizer/helpers";
import { expect, test } from "../support/fixtures";
import { t } from "../support/site";

test("open petitions come first; a closed one says so, with its final count and no invitation to sign", async ({ page }) => {
  const closed = await createPetition();
  await addSignatures(closed.slug, [{ name: "A" }, { name: "B" }, { name: "C" }]);
  await db()`update petitions set state = 'closed', closed_at = now() - interval '3 days' where slug = ${closed.slug}`;
  const open = await createPetition();

  await page.goto("/en/petitions");
  const cards = page.getByRole("article");
  const titles = await cards.getByRole("heading", { level: 2 }).allTextContents();
  const states = await cards.locator(".badge").allTextContents();
  const lastOpen = states.lastIndexOf(t("en", "petitions.state.published"));
  const firstClosed = states.findIndex((s) => s !== t("en", "petitions.state.published"));
  expect(firstClosed, "a closed petition is listed").toBeGreaterThan(-1);
  expect(lastOpen, "every open petition comes before every closed one").toBeLessThan(firstClosed);
  expect(titles.indexOf(open.title.en)).toBeLessThan(titles.indexOf(closed.title.en));

  const card = cards.filter({ has: page.getByRole("heading", { name: closed.title.en }) });
  await expect(card.locator(".badge")).toHaveText(t("en", "petitions.state.closed"));
  await expect(card.getByTestId("signature-count")).toHaveText(t("en", "petitions.finalCount", { count: 3 }));
  await expect(card.getByRole("link", { name: t("en", "petitions.read") })).toHaveCount(0);
  await expect(card.getByRole("link", { name: t("en", "petitions.readClosed") })).toBeVisible();

  await card.getByRole("link", { name: t("en", "petitions.readClosed") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(closed.title.en);
  await expect(page.getByRole("heading", { name: t("en", "petitions.signHeading") })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: t("en", "petitions.closedHeading") })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(t("en", "petitions.closedNotice", { count: 3 }));
  await expect(page.getByRole("button", { name: t("en", "signForm.submit") })).toHaveCount(0);
});
