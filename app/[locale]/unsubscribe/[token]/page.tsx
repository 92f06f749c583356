import type { Metadata } from "next";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { subscriptionOfLink } from "@/app/_components/subscription-pages";

type Props = { params: Promise<{ locale: Locale; token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: translator(locale)("unsubscribe.title"), robots: { index: false, follow: false } };
}

/**
 * The List-Unsubscribe link opened in a browser (GET /api/v1/unsubscribe/TOKEN sends people here): one button,
 * which posts the same one-click body a mail provider does. Opening it changes nothing.
 */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const { locale, token, found, t, campaign } = await subscriptionOfLink(params);
  const out = found.state === "unsubscribed" || found.state === "suppressed";
  const justNow = (await searchParams).done === "1";
  return (
    <>
      <h1>{t("unsubscribe.title")}</h1>
      {out ? (
        <p className="notice notice-ok" role="status" data-testid="unsubscribe-status">
          {t(justNow ? "unsubscribe.doneNow" : "unsubscribe.already", { campaign })}
        </p>
      ) : (
        <>
          <p>{t("unsubscribe.body", { campaign })}</p>
          <form method="post" action={`/api/v1/unsubscribe/${token}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <input type="hidden" name="via" value="page" />
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="button button-danger">
              {t("unsubscribe.button")}
            </button>
          </form>
        </>
      )}
      <p>{t("preferences.signatureStays")}</p>
      <p>
        <a href={`/${locale}/subscriptions/${token}`}>
          {t("unsubscribe.preferencesLink")}
        </a>
      </p>
    </>
  );
}
