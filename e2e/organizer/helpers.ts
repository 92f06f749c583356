import { createHash, randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { generate } from "otplib";
import postgres from "postgres";
import { expect } from "../support/fixtures";
import type { Mailbox } from "../support/mailbox";
import { campaign, t, type Locale } from "../support/site";

/**
 * Organizer test data and steps. People and sessions are written straight into the e2e database
 * (E2E_DATABASE_URL) where a test needs them as a starting point; the flows under test go through the app.
 */
let sql: postgres.Sql | undefined;
export function db(): postgres.Sql {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run through playwright.config.ts (npm run test:e2e)");
  sql ??= postgres(url, { max: 2, onnotice: () => {} });
  return sql;
}

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;

export async function createUser(role: "admin" | "organizer", campaignIds: string[] = []): Promise<{ id: string; email: string }> {
  const email = `${unique(role)}@example.org`;
  const [user] = await db()`insert into users (email, role) values (${email}, ${role}) returning id`;
  for (const campaignId of campaignIds) await db()`insert into campaign_members (campaign_id, user_id) values (${campaignId}, ${user!.id})`;
  return { id: user!.id as string, email };
}

/**
 * A signed-in browser context without the email round trip: a database session, as Auth.js would store it, that
 * has passed the second factor (admins need one in production; e2e/organizer/second-factor.spec.ts goes through it).
 */
export async function contextWithSession(browser: Browser, baseURL: string, userId: string, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const token = randomBytes(32).toString("base64url");
  const hash = createHash("sha256").update(token).digest("hex");
  await db()`insert into sessions (session_token, user_id, expires, second_factor_at) values (${hash}, ${userId}, now() + interval '1 hour', now())`;
  const context = await browser.newContext({ baseURL, ...options });
  await context.addCookies([{ name: "authjs.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return context;
}

export async function seededCampaignId(): Promise<string> {
  const [row] = await db()`select id from campaigns where slug = ${campaign.campaign.slug}`;
  return row!.id as string;
}

/** A campaign of its own, published, with an empty profile. */
export async function createCampaign(): Promise<{ id: string; slug: string }> {
  const slug = unique("campaign");
  const text = (s: string) => db().json({ ru: s, kk: s, en: s });
  const [c] = await db()`insert into campaigns (slug, state, name, tagline) values (${slug}, 'published', ${text(`Campaign ${slug}`)}, ${text("Tagline")}) returning id`;
  const empty = text("");
  await db()`insert into profiles (campaign_id, name, role, residence, article, nationality, citizenship, education, health, summary, biography)
             values (${c!.id}, ${text("Person")}, ${empty}, ${empty}, ${empty}, ${empty}, ${empty}, ${empty}, ${empty}, ${empty}, ${empty})`;
  return { id: c!.id as string, slug };
}

export async function createPetitionIn(campaignId: string, state: "draft" | "published" = "published"): Promise<{ id: string; slug: string }> {
  const slug = unique("petition");
  const text = (s: string) => db().json({ ru: `${s} ru`, kk: `${s} kk`, en: `${s} en` });
  const [p] = await db()`
    insert into petitions (campaign_id, slug, state, target, title, summary, body, goal, published_at)
    values (${campaignId}, ${slug}, ${state}, ${text("Target")}, ${text(`Title ${slug}`)}, ${text("Summary")}, ${text("Body")}, 100,
            ${state === "draft" ? null : new Date()})
    returning id`;
  return { id: p!.id as string, slug };
}

const verifyLink = (text: string | null) => /https?:\/\/[^\s\])>]+\/sign-in\/verify\?[^\s\])>]+/.exec(text ?? "")?.[0];

/** Signs in as a person does: the sign-in form, the email from the capture server, the page's button. */
export async function signInByEmail(page: Page, mailbox: Mailbox, email: string, locale: Locale): Promise<void> {
  const since = new Date().toISOString();
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(t(locale, "auth.signIn.email")).fill(email);
  await page.getByRole("button", { name: t(locale, "auth.signIn.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in/check-email`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(locale, "auth.checkEmail.title"));
  const mail = await mailbox.waitFor((e) => e.to.includes(email) && e.receivedAt >= since && e.subject === t(locale, "organizerEmails.signInLink.subject"));
  expect(mail.html).toContain("sign-in/verify");
  const link = verifyLink(mail.text);
  expect(link, "the text part carries the link").toBeTruthy();
  await page.goto(link!);
  await page.getByRole("button", { name: t(locale, "auth.verify.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard`));
}

/**
 * An admin's first sign-in in production: set up the authenticator app (the test computes the codes the app would
 * show). Returns the secret and the recovery codes shown during setup.
 */
export async function enrollSecondFactor(page: Page, locale: Locale): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard/second-factor`));
  await page.getByRole("button", { name: t(locale, "dashboard.secondFactor.start") }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  const recoveryCodes = (await page.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts()).map((c) => c.trim());
  await page.getByLabel(t(locale, "dashboard.secondFactor.code")).fill(await generate({ secret }));
  await page.getByRole("button", { name: t(locale, "dashboard.secondFactor.confirm") }).click();
  await expect(page).not.toHaveURL(/second-factor/);
  return { secret, recoveryCodes };
}

/** The three-language field `name` in a form: the fieldset named `legend`, then the language's input. */
export function localized(page: Page, legend: string, language: "Русский" | "Қазақша" | "English") {
  return page.getByRole("group", { name: legend }).getByLabel(language);
}

/** Publish, close or archive: the dashboard asks first (a page of its own, so it works without JavaScript). */
export async function confirmPetitionAction(page: Page, locale: Locale, action: "publish" | "close" | "archive"): Promise<void> {
  await page.getByRole("link", { name: t(locale, `dashboard.petition.actions.${action}`), exact: true }).click();
  await expect(page.getByText(t(locale, `dashboard.petition.confirm.${action}`))).toBeVisible();
  await page.getByRole("button", { name: t(locale, `dashboard.petition.confirmYes.${action}`) }).click();
}
