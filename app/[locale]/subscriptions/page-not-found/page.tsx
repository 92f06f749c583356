import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { BadSubscriptionLink } from "@/app/_components/subscription-pages";

/** A bad subscriptions (or unsubscribe) link's 404 as a page, for scripts/serve.mjs (see app/[locale]/page-not-found). */
export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "preferences" });
  return { title: t("invalidTitle"), robots: { index: false, follow: false } };
}

export default async function TokenPageNotFound({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  return <BadSubscriptionLink />;
}
