import type { Browser, Page } from "@playwright/test";
import { timeZone } from "../../lib/i18n/locales";
import { parseLocalDateTime, zonedToUtc } from "../../lib/time/zoned";
import { db, unique } from "../organizer/helpers";
import { expect } from "../support/fixtures";
import type { Mailbox } from "../support/mailbox";
import { t, type Locale } from "../support/site";

/** A calendar day `days` from now on Almaty's wall clock, "YYYY-MM-DD". */
export function almatyDay(days: number): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone }).format(new Date(Date.now() + days * 86_400_000));
}

/** The UTC instant of an Almaty wall-clock time, as iCalendar writes it (20270310T130000Z). */
export function icsUtc(local: string): string {
  return zonedToUtc(parseLocalDateTime(local)!, timeZone)!.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

const tokenAfter = (text: string | null, path: string) => new RegExp(`https?://[^\\s]+/${path}/[A-Za-z0-9_-]{43}`).exec(text ?? "")?.[0];

/** A supporter registers on the rally page, opens the emailed link, presses the button; returns the manage link. */
export async function rsvpAndConfirm(page: Page, mailbox: Mailbox, o: { slug: string; title: string; locale: Locale; name?: string }) {
  const email = `${unique("rsvp")}@example.org`;
  const l = o.locale;
  await page.goto(`/${l}/rallies/${o.slug}`);
  await page.getByLabel(t(l, "rsvpForm.email")).fill(email);
  if (o.name) await page.getByLabel(t(l, "rsvpForm.name")).fill(o.name);
  await page.getByRole("button", { name: t(l, "rsvpForm.submit") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(l, "rsvpCheckEmail.title"));
  const mail = await mailbox.waitFor((e) => e.to.includes(email) && e.subject === t(l, "rallyEmails.confirmation.subject", { title: o.title }));
  const confirm = tokenAfter(mail.text, `${l}/confirmations/rsvp`);
  const manage = tokenAfter(mail.text, `${l}/rsvp`);
  expect(confirm, "the text part carries the confirmation link").toBeTruthy();
  await page.goto(confirm!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(l, "confirmRsvp.title"));
  await page.getByRole("button", { name: t(l, "confirmRsvp.button") }).click();
  return { email, manage: manage!, confirm: confirm! };
}

/** How many notices of a kind each attendee of the rally got (the database's record, one row per notice). */
export async function noticeCounts(slug: string, kind: string): Promise<number[]> {
  const rows = await db()`
    select count(n.rsvp_id)::int as n from rsvps r join rallies y on y.id = r.rally_id
    left join rally_notices n on n.rsvp_id = r.id and n.kind = ${kind}
    where y.slug = ${slug} and r.state <> 'pending' group by r.id`;
  return rows.map((r) => Number(r.n));
}

/** A published rally of a campaign written straight into the database, as a starting point. */
export async function createRallyIn(campaignId: string, o: { capacity?: number; waitlist?: boolean; days?: number } = {}) {
  const slug = unique("rally");
  const text = (s: string) => db().json({ ru: `${s} ru`, kk: `${s} kk`, en: `${s} en` });
  const empty = db().json({ ru: "", kk: "", en: "" });
  const starts = zonedToUtc(parseLocalDateTime(`${almatyDay(o.days ?? 14)}T18:00`)!, timeZone)!;
  const ends = new Date(starts.getTime() + 2 * 3600_000);
  await db()`
    insert into rallies (campaign_id, slug, state, title, description, starts_at, ends_at, address, permit_note, safety_note,
                         accessibility_note, preparation, capacity, waitlist, announced_at)
    values (${campaignId}, ${slug}, 'announced', ${text(`Rally ${slug}`)}, ${text("Description")}, ${starts}, ${ends},
            ${text("Almaty, Republic Square")}, ${empty}, ${empty}, ${empty}, ${text("Bring water")},
            ${o.capacity ?? null}, ${o.waitlist ?? false}, now())`;
  return { slug, title: (l: Locale) => `Rally ${slug} ${l}` };
}

export async function icsOf(page: Page, slug: string, locale: Locale = "en") {
  const response = await page.request.get(`/api/v1/rallies/${slug}/calendar.ics?locale=${locale}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  return response.text();
}

export const field = (ics: string, name: string) =>
  new RegExp(`^${name}:(.*)$`, "m").exec(ics.replace(/\r\n[ \t]/g, ""))?.[1]?.trim().replace(/\\([,;\\])/g, "$1").replace(/\\n/g, "\n");

export async function newContext(browser: Browser, baseURL: string | undefined, javaScriptEnabled = true) {
  return browser.newContext({ baseURL, javaScriptEnabled });
}
