import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { findSubscriptionByManageToken } from "@/lib/subscribers/manage-subscription";
import { BadLinkPage } from "./bad-link-page";

/**
 * The subscription a preferences or unsubscribe link names (the token is the key: no account), for a page that
 * is never cached; a tampered, made-up or unknown token is the route's not-found page.
 */
export async function subscriptionOfLink(params: Promise<{ locale: Locale; token: string }>) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const found = await findSubscriptionByManageToken(await getDb(), token);
  if (!found) notFound();
  return { locale, token, found, t: translator(locale), campaign: pick(found.campaignName, locale) };
}

/** The last line of the subscribe, confirmed and preferences pages. */
export function BackToCampaign({ locale }: { locale: Locale }) {
  return (
    <p>
      <a href={`/${locale}/profile`}>{translator(locale)("subscribe.backToCampaign")}</a>
    </p>
  );
}

/** A tampered, made-up or unknown preferences or unsubscribe link: say so, change nothing. */
export async function BadSubscriptionLink() {
  const [t, locale] = await Promise.all([getTranslations("preferences"), getLocale()]);
  return <BadLinkPage title={t("invalidTitle")} body={t("invalidBody")} link={{ href: `/${locale}/profile`, text: t("invalidLink") }} />;
}
