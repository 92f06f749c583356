import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { formatRallyWhen } from "@/lib/rallies/format-when";
import { findRsvpByManageToken } from "@/lib/rallies/manage-rsvp";
import { isLive } from "@/lib/rallies/state";

type Props = { params: Promise<{ locale: Locale; token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: translator(locale)("manageRsvp.title"), robots: { index: false, follow: false } };
}

/**
 * The link in every rally email (no account): where this person stands, and buttons to cancel or say
 * "still coming". Opening it changes nothing; the buttons POST.
 */
export default async function ManageRsvpPage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const { done } = await searchParams;
  const found = await findRsvpByManageToken(await getDb(), token);
  if (!found) notFound();
  const { rsvp, rally } = found;
  const t = translator(locale);
  const title = pick(rally.title, locale);
  const ahead = isLive(rally.state) && rally.startsAt > new Date();
  const button = (action: "cancel" | "coming", label: string, danger = false) => (
    <form method="post" action="/api/v1/rsvps/manage" className="action-button">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" className={danger ? "button button-danger" : "button button-primary"}>
        {label}
      </button>
    </form>
  );
  return (
    <>
      <h1>{t("manageRsvp.title")}</h1>
      {done === "cancelled" && rsvp.state === "cancelled" && (
        <p className="notice notice-ok" role="status">
          {t("manageRsvp.cancelledNow")}
        </p>
      )}
      {done === "coming" && rsvp.stillComingAt && (
        <p className="notice notice-ok" role="status">
          {t("manageRsvp.comingNow")}
        </p>
      )}
      <p>
        <Link href={`/${locale}/rallies/${rally.slug}`} prefetch={false}>
          {title}
        </Link>
      </p>
      <p>{formatRallyWhen(locale, rally)}</p>
      <p data-testid="rsvp-status">{t(`manageRsvp.status.${rally.state === "cancelled" ? "rallyCancelled" : rsvp.state === "fraudulent" ? "pending" : rsvp.state}`)}</p>
      {ahead && rsvp.state !== "cancelled" && (
        <div className="actions-row">
          {rsvp.state === "confirmed" && !rsvp.stillComingAt && button("coming", t("manageRsvp.coming"))}
          {button("cancel", t("manageRsvp.cancel"), true)}
        </div>
      )}
    </>
  );
}
