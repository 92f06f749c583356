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

type Props = { params: Promise<{ locale: Locale; kind: string; token: string }> };

/**
 * The generic confirmation landing, /<locale>/confirmations/<kind>/<token>: each kind of thing people confirm
 * by email, its Confirmable and the route its button posts to. (Signatures keep /confirm/<token> for now.)
 */
const kinds = {
  rsvp: { confirmable: rsvpConfirmable, action: "/api/v1/confirmations/rsvp", back: (locale: Locale) => `/${locale}/rallies` },
} as const;

const kindOf = (kind: string) => (Object.hasOwn(kinds, kind) ? kinds[kind as keyof typeof kinds] : null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: translator(locale)("confirmRsvp.title"), robots: { index: false, follow: false } };
}

/** GET shows a button and changes nothing (mail scanners open links); the button's POST confirms. */
export default async function ConfirmationPage({ params }: Props) {
  const { locale, kind: rawKind, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const kind = kindOf(rawKind);
  const found = kind ? await findByToken(await getDb(), kind.confirmable, token) : null;
  if (!kind || !found) notFound();
  const t = translator(locale);
  const title = pick(found.subject, locale);
  if (found.status === "pending") {
    return <ConfirmLanding title={t("confirmRsvp.title")} body={t("confirmRsvp.body", { title })} button={t("confirmRsvp.button")} action={kind.action} token={found.token} locale={locale} />;
  }
  return <ConfirmLandingNotice title={t(`confirmRsvp.${found.status}.title`)} body={t(`confirmRsvp.${found.status}.body`, { title })} href={kind.back(locale)} linkText={t("rallies.all")} />;
}
