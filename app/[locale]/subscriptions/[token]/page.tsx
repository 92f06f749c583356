import type { Metadata } from "next";
import { type Locale, locales } from "@/lib/i18n/locales";
import { catalogues, translator } from "@/lib/i18n/translator";
import { BackToCampaign, subscriptionOfLink } from "@/app/_components/subscription-pages";

type Props = { params: Promise<{ locale: Locale; token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: translator(locale)("preferences.title"), robots: { index: false, follow: false } };
}

const dones = ["language", "unsubscribed", "unsubscribed_all"] as const;

/**
 * The link in every update email (no account, the token is the key): the language of the emails, and leaving
 * this campaign's list or every list. Opening it changes nothing; the buttons POST. Never cached (it is this
 * subscriber's, and shows what they just changed).
 */
export default async function PreferencesPage({ params, searchParams }: Props) {
  const { locale, token, found, t, campaign } = await subscriptionOfLink(params);
  const rawDone = (await searchParams).done;
  const done = dones.find((d) => d === rawDone);
  const subscribed = found.state === "confirmed" || found.state === "pending";
  const hidden = (action: string) => (
    <>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="action" value={action} />
    </>
  );
  return (
    <>
      <h1>{t("preferences.title")}</h1>
      {done && (
        <p className="notice notice-ok" role="status">
          {t(`preferences.done.${done}`)}
        </p>
      )}
      <p>{t("preferences.intro", { campaign })}</p>
      <p data-testid="subscription-status">{t(`preferences.status.${found.state}`)}</p>

      <h2>{t("preferences.languageHeading")}</h2>
      <form method="post" action="/api/v1/subscriptions/manage" className="sign-form">
        {hidden("language")}
        <fieldset className="field">
          <legend>{t("preferences.languageLegend")}</legend>
          {locales.map((l) => (
            <div className="check" key={l}>
              <input type="radio" id={`language-${l}`} name="language" value={l} defaultChecked={l === found.locale} />
              <label htmlFor={`language-${l}`} lang={l}>
                {catalogues[l].meta.languageName}
              </label>
            </div>
          ))}
        </fieldset>
        <p>
          <button type="submit" className="button button-primary">
            {t("preferences.languageSave")}
          </button>
        </p>
      </form>

      <h2>{t("preferences.leaveHeading")}</h2>
      <p>{t("preferences.signatureStays")}</p>
      <div className="actions-row">
        {subscribed && (
          <form method="post" action="/api/v1/subscriptions/manage" className="action-button">
            {hidden("unsubscribe")}
            <button type="submit" className="button button-danger">
              {t("preferences.unsubscribe", { campaign })}
            </button>
          </form>
        )}
        <form method="post" action="/api/v1/subscriptions/manage" className="action-button">
          {hidden("unsubscribe_all")}
          <button type="submit" className="button">
            {t("preferences.unsubscribeAll")}
          </button>
        </form>
      </div>
      <BackToCampaign locale={locale} />
    </>
  );
}
