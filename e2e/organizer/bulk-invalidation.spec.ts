import AxeBuilder from "@axe-core/playwright";
import { addSignatures, createPetition, sealedSignerColumns } from "../support/data";
import { eventually, expect, test } from "../support/fixtures";
import { t } from "../support/site";
import { contextWithSession, createUser, db } from "./helpers";

// Issue 13 item 5: an admin takes a wave of fake signatures off a petition (JavaScript off): preview, run — the
// public count drops — and reverse, which brings it back.
test("an admin previews, runs and reverses a bulk invalidation; the public count follows", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const petition = await createPetition();
  const domain = `wave${Date.now().toString(36)}.example`;
  await addSignatures(petition.slug, [{ name: "Real Person" }, { name: "Another" }]);
  for (const name of ["Bot One", "Bot Two", "Bot Three"]) {
    const p = sealedSignerColumns(`${name.replace(" ", ".").toLowerCase()}@${domain}`, name);
    await db()`
      insert into signatures (petition_id, email_index, email_sealed, name_sealed, email_domain, locale, state, token_nonce, token_hash, token_expires_at, confirmed_at)
      select id, ${p.emailIndex}, ${p.emailSealed}, ${p.nameSealed}, ${p.emailDomain}, 'en', 'confirmed', ${name + domain}, ${name + domain}, now() + interval '1 day', now()
      from petitions where slug = ${petition.slug}`;
    await db()`insert into petition_count_shards (petition_id, shard, confirmed) select id, 0, 1 from petitions where slug = ${petition.slug}
               on conflict (petition_id, shard) do update set confirmed = petition_count_shards.confirmed + 1`;
  }
  const admin = await createUser("admin");
  const context = await contextWithSession(browser, baseURL!, admin.id, { javaScriptEnabled: false });
  const page = await context.newPage();
  const viewer = await browser.newPage({ baseURL });
  const publicCount = (n: number) =>
    eventually(viewer, `/en/petitions/${petition.slug}`, async () => {
      await expect(viewer.getByTestId("signature-count")).toHaveAttribute("data-count", String(n), { timeout: 500 });
    });
  await publicCount(5);

  await page.goto("/en/dashboard");
  await page.getByRole("link", { name: t("en", "dashboard.nav.invalidations") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "dashboard.invalidations.title"));
  await page.getByLabel(t("en", "dashboard.invalidations.fields.petitionId")).selectOption({ label: `${petition.title.en} (${petition.slug})` });
  await page.getByLabel(t("en", "dashboard.invalidations.fields.domain")).fill(domain);
  await page.getByRole("button", { name: t("en", "dashboard.invalidations.preview") }).click();
  await expect(page.getByTestId("bulk-preview")).toContainText(t("en", "dashboard.invalidations.matches", { total: 3, confirmed: 3, pending: 0 }));
  await publicCount(5); // previewing changes nothing

  await page.getByRole("button", { name: t("en", "dashboard.invalidations.run", { total: 3 }) }).click();
  await expect(page.getByRole("status")).toHaveText(t("en", "dashboard.notices.bulkInvalidated"));
  const row = page.getByRole("row").filter({ hasText: domain });
  await expect(row).toContainText("3");
  await publicCount(2);

  // At 320 px, with JavaScript for axe: the page with its run listed.
  const checker = await contextWithSession(browser, baseURL!, admin.id);
  const look = await checker.newPage();
  await look.setViewportSize({ width: 320, height: 800 });
  for (const locale of ["ru", "kk", "en"]) {
    await look.goto(`/${locale}/dashboard/invalidations`);
    const results = await new AxeBuilder({ page: look }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, serious.join("\n")).toEqual([]);
    expect(await look.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  }
  await checker.close();

  await row.getByRole("button", { name: t("en", "dashboard.invalidations.reverse") }).click();
  await expect(page.getByRole("status")).toHaveText(t("en", "dashboard.notices.bulkReversed"));
  await publicCount(5);
  const [audit] = await db()`select count(*)::int as n from audit_log where actor_id = ${admin.id} and action in ('signatures.bulk_invalidate', 'signatures.bulk_restore')`;
  expect(audit?.n).toBe(2);
  await context.close();
});
