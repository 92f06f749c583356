import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ConfirmLanding, ConfirmLandingNotice } from "@/app/_components/confirm-landing";
import { getDb } from "@/db";
import { findByToken } from "@/lib/confirmations/confirm-by-token";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { rsvpConfirmable } from "@/lib/rallies/confirm-rsvp";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: translator(locale)("confirmRsvp.title"), robots: { index: false, follow: false } };
}

/** The RSVP's confirmation link, on the generic landing: GET shows a button, the POST confirms. */
export default async function ConfirmRsvpPage({ params }: Props) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const found = await findByToken(await getDb(), rsvpConfirmable, token);
  if (!found) notFound();
  const t = translator(locale);
  const title = pick(found.subject, locale);
  if (found.status === "pending") {
    return <ConfirmLanding title={t("confirmRsvp.title")} body={t("confirmRsvp.body", { title })} button={t("confirmRsvp.button")} action="/api/v1/confirmations/rsvp" token={found.token} locale={locale} />;
  }
  return <ConfirmLandingNotice title={t(`confirmRsvp.${found.status}.title`)} body={t(`confirmRsvp.${found.status}.body`, { title })} href={`/${locale}/rallies`} linkText={t("rallies.all")} />;
}
