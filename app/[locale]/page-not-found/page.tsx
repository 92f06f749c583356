import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import NotFound from "../not-found";

/**
 * The translated 404 page as an ordinary page. Next 16 answers notFound() in a dynamic render with a document whose
 * content exists only in its scripts (vercel/next.js#62228, #97000) — a blank page without JavaScript — so
 * scripts/serve.mjs sends this page's HTML, with the 404 status, in its place.
 */
export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "notFound" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function PageNotFound({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  return <NotFound />;
}
