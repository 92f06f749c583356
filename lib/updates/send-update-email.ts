import type { Db } from "@/db";
import { findUserById } from "@/db/queries/organizers";
import { findDeliverableSubscribers } from "@/db/queries/subscribers";
import { findUpdateForEmail } from "@/db/queries/updates";
import CampaignUpdate, { type CampaignUpdateProps, campaignUpdateSubject } from "@/emails/campaign-update";
import { type KindPayload, type RenderedEmail, type Skip, placeholder } from "@/lib/email/kinds";
import { appUrl } from "@/lib/env";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { subscriberLinks } from "@/lib/subscribers/links";
import { textFor } from "./content";

type Loaded = NonNullable<Awaited<ReturnType<typeof findUpdateForEmail>>>;

/**
 * An update being sent never changes, so each process loads it once for its 100,000 emails (a draft, for a
 * test send, is read every time).
 */
const cache = new Map<string, Promise<Loaded | null>>();
async function loadUpdate(db: Db, id: string): Promise<Loaded | null> {
  const hit = cache.get(id);
  if (hit) return hit;
  const loading = findUpdateForEmail(db, id);
  const u = await loading;
  if (u && u.state !== "draft") {
    if (cache.size >= 20) cache.delete(cache.keys().next().value!);
    cache.set(id, loading);
  }
  return u;
}

function props(u: Loaded, locale: Locale, links: { preferencesUrl: string; unsubscribeUrl: string }): { props: CampaignUpdateProps; locale: Locale } {
  const text = textFor(u, locale);
  return {
    locale: text.locale,
    props: {
      locale: text.locale,
      campaignName: pick(u.campaignName, text.locale),
      title: text.title,
      blocks: text.blocks,
      updateUrl: `${appUrl()}/${text.locale}/updates/${u.id}`,
      siteUrl: appUrl(),
      ...links,
    },
  };
}

/**
 * What every copy of an update in one language shares, worked out once per (update, language): the Markdown
 * parsed, the props with placeholders for each subscriber's own links, the subject.
 */
const shared = new WeakMap<Loaded, Map<Locale, { props: CampaignUpdateProps; locale: Locale; subject: string }>>();
function sharedCopy(u: Loaded, locale: Locale) {
  let byLocale = shared.get(u);
  if (!byLocale) shared.set(u, (byLocale = new Map()));
  let copy = byLocale.get(locale);
  if (!copy) {
    const { props: base, locale: shown } = props(u, locale, { preferencesUrl: placeholder("preferences"), unsubscribeUrl: placeholder("unsubscribe") });
    copy = { props: base, locale: shown, subject: campaignUpdateSubject(base) };
    byLocale.set(locale, copy);
  }
  return copy;
}

/**
 * A batch of subscribers' copies of updates, each in the subscriber's language (or the update's default), with
 * their own preference and one-click unsubscribe links (RFC 8058 headers). One query reads the batch's
 * subscribers; each update is rendered once per language and each subscriber's links are filled in. Someone who
 * left after it was queued gets nothing.
 */
export async function renderUpdateEmails(db: Db, payloads: KindPayload<"campaign-update">[]): Promise<Array<RenderedEmail | Skip>> {
  const updateIds = [...new Set(payloads.map((p) => p.updateId))];
  const [updates, subscribers] = await Promise.all([
    Promise.all(updateIds.map(async (id) => [id, await loadUpdate(db, id)] as const)).then((entries) => new Map(entries)),
    findDeliverableSubscribers(db, payloads.map((p) => p.subscriberId)),
  ]);
  return payloads.map((p): RenderedEmail | Skip => {
    const u = updates.get(p.updateId);
    if (!u) return { skip: "update gone" };
    const s = subscribers.get(p.subscriberId);
    if (!s) return { skip: "subscriber no longer deliverable" };
    const copy = sharedCopy(u, p.locale);
    const links = subscriberLinks({ ...s, locale: copy.locale });
    return {
      element: () => CampaignUpdate(copy.props),
      fill: {
        templateKey: `campaign-update/${u.id}/${copy.locale}`,
        values: { preferences: links.preferencesUrl, unsubscribe: links.unsubscribeUrl },
      },
      to: s.email,
      subject: copy.subject,
      headers: links.headers,
      idempotencyKey: `campaign-update/${u.id}/${s.id}`,
      template: "campaign-update",
    };
  });
}

/** The organizer's test copy: the same email to their own address; its links lead back to the dashboard. */
export async function renderUpdateTestEmail(db: Db, p: KindPayload<"campaign-update-test">, email: { id: string }): Promise<RenderedEmail | Skip> {
  const [u, user] = await Promise.all([findUpdateForEmail(db, p.updateId), findUserById(db, p.userId)]);
  if (!u || !user) return { skip: "update or organizer gone" };
  const back = `${appUrl()}/${isLocale(p.locale) ? p.locale : "ru"}/dashboard/updates/${u.id}`;
  const { props: base } = props(u, p.locale, { preferencesUrl: back, unsubscribeUrl: back });
  return {
    element: CampaignUpdate(base),
    to: user.email,
    subject: `[TEST] ${campaignUpdateSubject(base)}`,
    idempotencyKey: `campaign-update-test/${email.id}`,
    template: "campaign-update-test",
  };
}

/** The email a subscriber in `locale` would get, for the dashboard's preview: subject, props and both parts. */
export async function previewUpdateEmail(db: Db, updateId: string, locale: Locale) {
  const u = await findUpdateForEmail(db, updateId);
  if (!u) return null;
  const sample = `${appUrl()}/${locale}/…`;
  const { props: p, locale: shown } = props(u, locale, { preferencesUrl: sample, unsubscribeUrl: sample });
  const { render } = await import("@react-email/render");
  const element = CampaignUpdate(p);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: campaignUpdateSubject(p), props: p, locale: shown, html, text };
}
