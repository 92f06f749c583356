import type { Page, Request } from "@playwright/test";
import { seededCampaignId } from "../organizer/helpers";
import { createRallyIn, rsvpAndConfirm } from "../rallies/helpers";
import { createPetition } from "../support/data";
import { expect, test } from "../support/fixtures";
import { t } from "../support/site";

// Issue 13 item 4: with JavaScript on, the sign and RSVP forms solve an ALTCHA proof of work in the browser
// (script, stylesheet and worker from our own origin, under the strict CSP) and post it; the server verifies it
// and the signature counts. With JavaScript off nothing of it loads and signing works as before
// (sign-petition.spec.ts keeps its no-JS story).

/** The proof a form post carried, decoded (null when it carried none). */
function proofOf(request: Request): { challenge: { parameters: { algorithm: string } }; solution: { counter: number } } | null {
  const raw = new URLSearchParams(request.postData() ?? "").get("altcha");
  return raw ? JSON.parse(Buffer.from(raw, "base64").toString("utf8")) : null;
}

/** Every CSP violation the page reports (a blocked script, worker or style would show here). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test("JavaScript on: the petition form solves the proof of work in the browser, posts it, and the signature counts", async ({ browser, baseURL, mailbox }) => {
  test.setTimeout(60_000);
  const { slug } = await createPetition();
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const violations = watchCsp(page);
  const email = `pow.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.org`;
  await page.goto(`/en/petitions/${slug}`);
  const form = page.locator("#sign-petition-form");
  await form.getByLabel(t("en", "signForm.name")).fill("Aliya");
  await form.getByLabel(t("en", "signForm.email")).fill(email);
  const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().includes(`/api/v1/petitions/${slug}/signatures`));
  await form.getByRole("button", { name: t("en", "signForm.submit") }).click();
  const proof = proofOf(await posted);
  expect(proof, "the post carries a solved challenge").not.toBeNull();
  expect(proof!.challenge.parameters.algorithm).toBe("PBKDF2/SHA-256");
  expect(proof!.solution.counter).toBeGreaterThan(0);
  await expect(page).toHaveURL(new RegExp(`/en/petitions/${slug}/signed$`));

  // Verified, not shadow-banned: the confirmation email comes, and confirming counts.
  const message = await mailbox.waitFor((e) => e.to.includes(email));
  const link = /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]{43}/.exec(message.text ?? "")?.[0];
  await page.goto(link!);
  await page.getByRole("button", { name: t("en", "confirm.button") }).click();
  await expect(page).toHaveURL(new RegExp(`/en/petitions/${slug}/thanks$`));
  await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "1");
  expect(violations).toEqual([]);
  await context.close();
});

test("JavaScript on: the RSVP form carries a proof too; JavaScript off it posts without one and still registers", async ({ browser, baseURL, mailbox }) => {
  test.setTimeout(90_000);
  const rally = await createRallyIn(await seededCampaignId());
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ baseURL, javaScriptEnabled });
    const page = await context.newPage();
    const violations = watchCsp(page);
    const posts: Request[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith(`/api/v1/rallies/${rally.slug}/rsvps`)) posts.push(r);
    });
    await rsvpAndConfirm(page, mailbox, { slug: rally.slug, title: rally.title("en"), locale: "en" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "rsvpConfirmed.title.confirmed"));
    expect(posts).toHaveLength(1);
    expect(proofOf(posts[0]!) !== null, `a proof with JavaScript ${javaScriptEnabled ? "on" : "off"}`).toBe(javaScriptEnabled);
    expect(violations).toEqual([]);
    await context.close();
  }
});

test("the widget loads only on pages with those forms: the home page fetches none of it", async ({ page }) => {
  const vendor: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/vendor/altcha") || r.url().includes("/api/v1/pow/") || r.url().includes("/pow.js")) vendor.push(r.url());
  });
  await page.goto("/en");
  await page.waitForLoadState("networkidle");
  expect(vendor).toEqual([]);
});
