import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ConfirmationPage, confirmationKind } from "@/app/_components/confirmation-page";
import { type Locale, isLocale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale; kind: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, kind } = await params;
  const found = confirmationKind(kind);
  if (!isLocale(locale) || !found) return {};
  return { title: found.title(locale), robots: { index: false, follow: false } };
}

/** The generic confirmation landing, /<locale>/confirmations/<kind>/<token> (app/_components/confirmation-page.tsx). */
export default async function Page({ params }: Props) {
  const { locale, kind, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  return <ConfirmationPage kind={kind} locale={locale} token={token} />;
}
