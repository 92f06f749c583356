import type { ReactElement } from "react";
import type { Db } from "@/db";
import type { Rally } from "@/db/queries/rallies";
import { findRsvpForEmail } from "@/db/queries/rsvps";
import type { RallyFactsProps } from "@/emails/components/rally-facts";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { rallyEmailTranslator } from "@/lib/i18n/translator";
import { formatRallyWhen } from "../format-when";
import { rallyCalendarPath } from "../ics";
import { confirmTokenOf, manageTokenOf } from "../rsvp-tokens";

/**
 * What every rally email kind shares. A kind (one file beside this one) turns a zod-validated job payload
 * into one email, or a reason to send nothing; lib/rallies/send-rally-email.ts sends it. `priority` says
 * which a batching sender must send first: a confirmation someone is waiting for is transactional; the
 * notices that go to every attendee at once are bulk.
 */
export type RallyEmail = { to: string; subject: string; element: ReactElement; template: string; idempotencyKey: string };
export type Skip = { skip: string };
export type Recipient = NonNullable<Awaited<ReturnType<typeof findRsvpForEmail>>> & { email: string };

export type RallyEmailKind<P> = {
  priority: "transactional" | "bulk";
  template: string;
  render(db: Db, payload: P, job: { id: string }): Promise<RallyEmail | Skip>;
};

export async function recipient(db: Db, rsvpId: string): Promise<Recipient | Skip> {
  const r = await findRsvpForEmail(db, rsvpId);
  if (!r) return { skip: "rsvp gone" };
  if (!r.email) return { skip: "walk-in has no address" };
  return r as Recipient;
}

export const isSkip = (v: unknown): v is Skip => typeof v === "object" && v !== null && "skip" in v;

export const rallyUrl = (rally: Pick<Rally, "slug">, locale: Locale) => `${appUrl()}/${locale}/rallies/${rally.slug}`;
export const manageUrl = (nonce: string, locale: Locale) => `${appUrl()}/${locale}/rsvp/${manageTokenOf(nonce)}`;
export const confirmUrl = (nonce: string, locale: Locale) => `${appUrl()}/${locale}/confirmations/rsvp/${confirmTokenOf(nonce)}`;

export function facts(rally: Rally, locale: Locale): RallyFactsProps {
  const t = rallyEmailTranslator(locale);
  return {
    title: pick(rally.title, locale),
    when: formatRallyWhen(locale, rally),
    where: pick(rally.address, locale),
    mapUrl: rally.mapUrl,
    rallyUrl: rallyUrl(rally, locale),
    calendarUrl: `${appUrl()}${rallyCalendarPath(rally.slug, locale)}`,
    labels: { when: t("when"), where: t("where"), map: t("map"), page: t("page"), calendar: t("calendar") },
  };
}

/** One key per (rally, person, notice): a retried job, or the same notice enqueued twice, sends once. */
export const noticeKey = (r: Recipient, kind: string, key: string) => `rally/${r.rally.id}/${r.id}/${kind}${key ? `/${key}` : ""}`;
