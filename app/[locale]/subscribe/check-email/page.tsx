import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { usesDevMailbox } from "@/lib/env";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { BackToCampaign } from "@/app/_components/subscription-pages";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: translator(locale)("subscribe.checkEmail.title"), robots: { index: false } };
}

/** After the "get updates" form: the same page for every address, known or not (a public, shared page). */
export default async function SubscribeCheckEmailPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const t = translator(locale);
  return (
    <>
      <h1>{t("subscribe.checkEmail.title")}</h1>
      <div className="notice notice-ok" role="status">
        <p>{t("subscribe.checkEmail.body")}</p>
      </div>
      {usesDevMailbox() && (
        <p className="notice">
          {t("signed.devMailbox")}{" "}
          <a href={`/${locale}/dev/mailbox`}>
            {t("signed.devMailboxLink")}
          </a>
        </p>
      )}
      <p>{t("subscribe.checkEmail.notArrived")}</p>
      <BackToCampaign locale={locale} />
    </>
  );
}
