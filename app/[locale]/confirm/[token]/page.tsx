import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ConfirmationPage } from "@/app/_components/confirmation-page";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: translator(locale)("confirm.title"), robots: { index: false, follow: false } };
}

/**
 * A signature's emailed link lands here (the generic landing, kept at the address its emails have always used).
 * Unknown, replaced or expired links get the not-found page of this folder, which offers to sign again.
 */
export default async function ConfirmPage({ params }: Props) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  return <ConfirmationPage kind="signature" locale={locale} token={token} />;
}
