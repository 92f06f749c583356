import type { Locale } from "@/lib/i18n/locales";
import { catalogues, translator } from "@/lib/i18n/translator";

export type SubscribeFormErrors = Partial<Record<"email" | "form", string>>;

/**
 * The standalone "get updates" form: a plain HTML form (no hooks, no script) on the profile and petition pages,
 * and, with its messages, the page the route answers with when something was wrong. Nothing in it depends on
 * the visitor, so the pages around it stay cached.
 */
export function SubscribeFormView({ campaignSlug, locale, email = "", errors = {}, headingLevel = 2 }: { campaignSlug: string; locale: Locale; email?: string; errors?: SubscribeFormErrors; headingLevel?: 1 | 2 }) {
  const t = translator(locale);
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const describedBy = ["subscribe-email-hint", errors.email && "subscribe-email-error"].filter(Boolean).join(" ");
  return (
    <section className="subscribe" aria-labelledby="subscribe-heading">
      <Heading id="subscribe-heading">{t("subscribe.heading")}</Heading>
      <p>{t("subscribe.intro")}</p>
      <form method="post" action={`/api/v1/campaigns/${campaignSlug}/subscribers`} noValidate className="sign-form" data-pow="">
        <input type="hidden" name="locale" value={locale} />
        {(errors.email || errors.form) && (
          <div className="notice notice-error" role="alert" id="subscribe-errors">
            <p>
              <strong>{errors.form ?? t("subscribe.errorSummary")}</strong>
            </p>
            {errors.email && (
              <ul>
                <li>
                  <a href="#subscribe-email">{errors.email}</a>
                </li>
              </ul>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor="subscribe-email">{t("subscribe.email")}</label>
          <p className="hint" id="subscribe-email-hint">
            {t("subscribe.emailHint")}
          </p>
          <input
            id="subscribe-email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={320}
            defaultValue={email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy}
          />
          {errors.email && (
            <p className="field-error" id="subscribe-email-error">
              {errors.email}
            </p>
          )}
        </div>
        <div className="hp" aria-hidden="true">
          <label htmlFor="subscribe-website">{t("subscribe.honeypot")}</label>
          <input id="subscribe-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <p>
          <button type="submit" className="button button-primary">
            {t("subscribe.submit")}
          </button>
        </p>
        <p className="hint">{t("subscribe.consent")}</p>
      </form>
    </section>
  );
}

type Code = keyof (typeof catalogues)["en"]["subscribe"]["errors"];

/** Error codes (zod messages, AppError codes) → the form's messages in the page's language. */
export function subscribeErrorMessages(locale: Locale, fields: Record<string, string>, formCode?: string): SubscribeFormErrors {
  const t = translator(locale);
  const msg = (code: string) => (code in catalogues[locale].subscribe.errors ? t(`subscribe.errors.${code as Code}`) : t("subscribe.errors.unexpected"));
  const errors: SubscribeFormErrors = {};
  if (fields.email) errors.email = msg(fields.email);
  if (formCode) errors.form = msg(formCode);
  return errors;
}
