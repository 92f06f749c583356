import type { AppError } from "@/lib/errors";
import type { Locale, Localized } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { renderStandalonePage } from "./standalone-page";
import { SubscribeFormView, subscribeErrorMessages } from "./subscribe-form-view";

/** With JavaScript off, a "get updates" form with a mistake comes back as this page: the form, what was typed, the message. */
export async function renderSubscribeErrorPage({ error, campaign, locale, body }: { error: AppError; campaign: { slug: string; name: Localized }; locale: Locale; body: Record<string, unknown> }) {
  const t = translator(locale);
  const email = typeof body.email === "string" ? body.email.slice(0, 320) : "";
  const errors = subscribeErrorMessages(locale, error.fields, error.code === "invalid_input" ? undefined : error.code);
  return renderStandalonePage({
    locale,
    title: t("subscribe.heading"),
    back: { href: `/${locale}/profile`, text: pick(campaign.name, locale) },
    heading: pick(campaign.name, locale),
    children: <SubscribeFormView campaignSlug={campaign.slug} locale={locale} email={email} errors={errors} />,
  });
}
