import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { BackToCampaign } from "@/app/_components/subscription-pages";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: translator(locale)("subscribe.confirmed.title"), robots: { index: false } };
}

/** Where the subscription's confirmation POST lands (`?status=already` on a second visit). */
export default async function SubscribeConfirmedPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const already = (await searchParams).status === "already";
  const t = translator(locale);
  return (
    <>
      <h1>{t(already ? "subscribe.confirmed.alreadyTitle" : "subscribe.confirmed.title")}</h1>
      <div className="notice notice-ok" role="status">
        <p>{t(already ? "subscribe.confirmed.alreadyBody" : "subscribe.confirmed.body")}</p>
      </div>
      <BackToCampaign locale={locale} />
    </>
  );
}
