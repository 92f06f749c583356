import { createPetition, indexOf } from "../support/data";
import { expect, test } from "../support/fixtures";
import { t } from "../support/site";
import { contextWithSession, createUser, db } from "./helpers";

// Issue 13 item 3: an admin blocks an email domain from the dashboard (JavaScript off); a signer from it sees the
// usual page and gets no email, while everyone else signs as before; the admin removes the rule.
test("an admin blocks a domain; its signers see the usual page and get no email; removing the rule lets them sign", async ({ browser, baseURL, mailbox }) => {
  const admin = await createUser("admin");
  const context = await contextWithSession(browser, baseURL!, admin.id, { javaScriptEnabled: false });
  const page = await context.newPage();
  const domain = `farm${Date.now().toString(36)}.example`;
  await page.goto("/en/dashboard");
  await page.getByRole("link", { name: t("en", "dashboard.nav.abuse") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "dashboard.abuse.title"));
  // A typo gets a message, and nothing is stored.
  await page.getByLabel(t("en", "dashboard.abuse.pattern")).fill("not a domain");
  await page.getByRole("button", { name: t("en", "dashboard.abuse.submit") }).click();
  await expect(page.locator("#abuse-rule-form-pattern-error")).toHaveText(t("en", "dashboard.errors.pattern_invalid"));
  await expect(page.getByRole("row").filter({ hasText: "not a domain" })).toHaveCount(0);
  await page.getByLabel(t("en", "dashboard.abuse.pattern")).fill(`**.${domain}`);
  await page.getByLabel(t("en", "dashboard.abuse.note")).fill("bot farm");
  await page.getByRole("button", { name: t("en", "dashboard.abuse.submit") }).click();
  await expect(page.getByRole("status")).toHaveText(t("en", "dashboard.notices.abuseRuleAdded"));
  const row = page.getByRole("row").filter({ hasText: `**.${domain}` });
  await expect(row).toContainText("bot farm");

  const petition = await createPetition();
  const signer = await browser.newPage({ baseURL });
  const sign = async (email: string) => {
    await signer.goto(`/en/petitions/${petition.slug}`);
    await signer.getByLabel(t("en", "signForm.name")).fill("Supporter");
    await signer.getByLabel(t("en", "signForm.email")).fill(email);
    await signer.getByRole("button", { name: t("en", "signForm.submit") }).click();
    await expect(signer).toHaveURL(/\/signed$/);
  };
  const blocked = `someone@mail.${domain}`;
  await sign(blocked);
  const control = `control.${Date.now()}@example.org`;
  await sign(control);
  await mailbox.waitFor((e) => e.to.includes(control));
  const [kept] = await db()`select state from signatures where email_index = ${indexOf(blocked)}`;
  expect(kept?.state).toBe("fraudulent");
  expect((await mailbox.emails()).filter((e) => e.to.includes(blocked))).toHaveLength(0);

  await row.getByRole("button", { name: t("en", "dashboard.abuse.remove") }).click();
  await expect(page.getByRole("status")).toHaveText(t("en", "dashboard.notices.abuseRuleRemoved"));
  await expect(page.getByRole("row").filter({ hasText: `**.${domain}` })).toHaveCount(0);
  const after = `after@mail.${domain}`;
  await sign(after);
  await mailbox.waitFor((e) => e.to.includes(after));
  await context.close();
});
