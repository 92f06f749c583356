import { expect, test } from "../support/fixtures";
import { t } from "../support/site";
import { contextWithSession, createCampaign, createPetitionIn, createUser, db } from "./helpers";

const en = (key: string, values?: Record<string, string | number>) => t("en", key, values);

for (const javaScriptEnabled of [true, false]) {
  test(`publishing and closing ask first, and cancelling changes nothing (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, baseURL }) => {
    const campaign = await createCampaign();
    const petition = await createPetitionIn(campaign.id, "draft");
    const organizer = await createUser("organizer", [campaign.id]);
    const context = await contextWithSession(browser, baseURL!, organizer.id, { javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`/en/dashboard/petitions/${petition.id}`);

    await page.getByRole("link", { name: en("dashboard.petition.actions.publish"), exact: true }).click();
    await expect(page.getByText(en("dashboard.petition.confirm.publish"))).toBeVisible();
    await page.getByRole("link", { name: en("dashboard.petition.confirmCancel") }).click();
    await expect(page.getByText(en("dashboard.petition.confirm.publish"))).toHaveCount(0);
    expect((await db()`select state from petitions where id = ${petition.id}`)[0]!.state).toBe("draft");

    await page.getByRole("link", { name: en("dashboard.petition.actions.publish"), exact: true }).click();
    await page.getByRole("button", { name: en("dashboard.petition.confirmYes.publish") }).click();
    await expect(page.getByRole("status")).toHaveText(en("dashboard.notices.published"));
    // Published, nobody has signed yet: the page does not say that people signed.
    await expect(page.getByText(en("dashboard.petition.frozenUnsigned"))).toBeVisible();
    await expect(page.getByText(en("dashboard.petition.frozen"))).toHaveCount(0);

    await page.getByRole("link", { name: en("dashboard.petition.actions.close"), exact: true }).click();
    await expect(page.getByText(en("dashboard.petition.confirm.close"))).toBeVisible();
    expect((await db()`select state from petitions where id = ${petition.id}`)[0]!.state).toBe("published");
    await page.getByRole("button", { name: en("dashboard.petition.confirmYes.close") }).click();
    await expect(page.getByRole("status")).toHaveText(en("dashboard.notices.closed"));
    await context.close();
  });
}

test("a draft can be previewed as the public will read it, while its public address is still a 404", async ({ browser, baseURL }) => {
  const campaign = await createCampaign();
  const petition = await createPetitionIn(campaign.id, "draft");
  const organizer = await createUser("organizer", [campaign.id]);
  const context = await contextWithSession(browser, baseURL!, organizer.id);
  const page = await context.newPage();
  expect((await page.goto(`/en/petitions/${petition.slug}`))?.status()).toBe(404);
  await page.goto(`/en/dashboard/petitions/${petition.id}`);
  await page.getByRole("link", { name: en("dashboard.petition.preview") }).click();
  await expect(page).toHaveURL(new RegExp(`/en/dashboard/petitions/${petition.id}/preview$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Title ${petition.slug} en`);
  await expect(page.getByText(en("petitions.to", { target: "Target en" }))).toBeVisible();
  await expect(page.getByText("Body en")).toBeVisible();
  await expect(page.getByRole("button", { name: en("signForm.submit") })).toBeDisabled();
  // In the other languages too.
  await page.goto(`/kk/dashboard/petitions/${petition.id}/preview`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Title ${petition.slug} kk`);
  await context.close();
});
