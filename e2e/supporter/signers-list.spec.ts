import { contextWithSession, createUser, db, seededCampaignId } from "../organizer/helpers";
import { addSignatures, createPetition } from "../support/data";
import { eventually, expect, test } from "../support/fixtures";
import { t } from "../support/site";

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
const confirmLink = (text: string | null) => /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]{43}/.exec(text ?? "")?.[0];

test("the petition names only confirmed signers who asked to be shown, newest first, with the day and no address", async ({ page }) => {
  const petition = await createPetition();
  await addSignatures(petition.slug, [
    { name: "Aliya Nurlankyzy", publicName: true, confirmedAt: day("2026-11-20") },
    { name: "Ulan Kairatuly", publicName: true, confirmedAt: day("2026-11-21") },
    { name: "Quiet Signer", publicName: false, confirmedAt: day("2026-11-22") },
    { name: "Not Yet Confirmed", publicName: true, state: "pending" },
  ]);
  await page.goto(`/en/petitions/${petition.slug}`);
  const section = page.getByRole("region", { name: t("en", "petitions.signers.heading") });
  await expect(section.getByRole("listitem")).toHaveText([/^Ulan Kairatuly\s+November 21, 2026$/, /^Aliya Nurlankyzy\s+November 20, 2026$/]);
  await expect(section).toContainText(t("en", "petitions.signers.summary", { total: 2 }));
  await expect(page.locator("body")).not.toContainText("Quiet Signer");
  await expect(page.locator("body")).not.toContainText("Not Yet Confirmed");
  await expect(page.locator("body")).not.toContainText("@example.org");
  // Counted, though not named.
  await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "3");
});

test("a long list is paged, newest first", async ({ page }) => {
  const petition = await createPetition();
  const base = Date.parse("2026-10-01T00:00:00Z");
  await addSignatures(petition.slug, Array.from({ length: 55 }, (_, i) => ({ name: `Signer ${String(i).padStart(2, "0")}`, publicName: true, confirmedAt: new Date(base + i * 60_000) })));
  await page.goto(`/en/petitions/${petition.slug}`);
  const section = page.getByRole("region", { name: t("en", "petitions.signers.heading") });
  await expect(section.getByRole("listitem")).toHaveCount(10);
  await expect(section.getByRole("listitem").first()).toContainText("Signer 54");
  await section.getByRole("link", { name: t("en", "petitions.signers.seeAll", { total: 55 }) }).click();
  await expect(page.getByRole("listitem").filter({ hasText: /^Signer / })).toHaveCount(50);
  await page.getByRole("link", { name: t("en", "petitions.signers.older") }).click();
  await expect(page).toHaveURL(/\/signers\?older=[0-9a-f-]{36}$/);
  await expect(page.getByRole("listitem").filter({ hasText: /^Signer / })).toHaveText([/Signer 04/, /Signer 03/, /Signer 02/, /Signer 01/, /Signer 00/]);
  await expect(page.getByRole("link", { name: t("en", "petitions.signers.older") })).toHaveCount(0);
  // Back: the page before holds the 50 newest again, and no link leads further than the newest.
  await page.getByRole("link", { name: t("en", "petitions.signers.newer") }).click();
  await expect(page).toHaveURL(/\/signers\?newer=[0-9a-f-]{36}$/);
  await expect(page.getByRole("listitem").filter({ hasText: /^Signer / })).toHaveCount(50);
  await expect(page.getByRole("listitem").filter({ hasText: /^Signer / }).first()).toContainText("Signer 54");
  await expect(page.getByRole("link", { name: t("en", "petitions.signers.newer") })).toHaveCount(0);
  // A link that is no page (not an id, or two starts) is a plain "not found", never an error.
  for (const query of ["older=1%20or%201=1", "older=00000000-0000-4000-8000-000000000000", `older=${"a".repeat(5000)}`]) {
    const response = await page.goto(`/en/petitions/${petition.slug}/signers?${query}`);
    expect(response?.status(), query.slice(0, 40)).toBe(404);
  }
});

test("a signer who asked appears once confirmed, and an organizer can hide the name while it still counts", async ({ page, browser, baseURL, mailbox }) => {
  const petition = await createPetition();
  const email = `shown.${Date.now()}@example.org`;
  await page.goto(`/en/petitions/${petition.slug}`);
  await page.getByLabel(t("en", "signForm.name")).fill("Dana Public");
  await page.getByLabel(t("en", "signForm.email")).fill(email);
  await page.getByLabel(t("en", "signForm.public")).check();
  await page.getByRole("button", { name: t("en", "signForm.submit") }).click();
  await expect(page).toHaveURL(/\/signed$/);
  await page.goto(`/en/petitions/${petition.slug}`);
  await expect(page.locator("body")).not.toContainText("Dana Public"); // not before confirming
  await page.goto(confirmLink((await mailbox.waitFor((e) => e.to.includes(email))).text)!);
  await page.getByRole("button", { name: t("en", "confirm.button") }).click();
  await eventually(page, `/en/petitions/${petition.slug}`, () =>
    expect(page.getByRole("region", { name: t("en", "petitions.signers.heading") }).getByRole("listitem")).toHaveText([/^Dana Public/], { timeout: 500 }),
  );

  const organizer = await createUser("organizer", [await seededCampaignId()]);
  const context = await contextWithSession(browser, baseURL!, organizer.id);
  const org = await context.newPage();
  const [row0] = await db()`select id from petitions where slug = ${petition.slug}`;
  await org.goto(`/en/dashboard/petitions/${row0!.id as string}`);
  const row = org.getByRole("row", { name: /Dana Public/ });
  await row.getByRole("button", { name: t("en", "dashboard.names.hide") }).click();
  await expect(org.getByRole("status")).toHaveText(t("en", "dashboard.notices.nameHidden"));
  await eventually(page, `/en/petitions/${petition.slug}`, () => expect(page.locator("body")).not.toContainText("Dana Public", { timeout: 500 }));
  await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "1");
  await context.close();
});
