import { Button, Link, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { emailTranslator } from "@/lib/i18n/translator";
import { EmailLayout, button, paragraph } from "./components/layout";

export type SubscriptionConfirmationProps = {
  locale: Locale;
  campaignName: string;
  confirmUrl: string;
  /** The preferences page (language, unsubscribe), the same link every update email carries. */
  preferencesUrl: string;
  siteUrl: string;
};

export function subscriptionConfirmationSubject(p: Pick<SubscriptionConfirmationProps, "locale" | "campaignName">) {
  return emailTranslator(p.locale)("subscription.subject", { campaign: p.campaignName });
}

/** The standalone "get updates" form's double opt-in (transactional: no List-Unsubscribe header). */
export default function SubscriptionConfirmation(p: SubscriptionConfirmationProps) {
  const t = emailTranslator(p.locale);
  return (
    <EmailLayout lang={p.locale} preview={t("subscription.preview")} footerText={[t("subscription.why", { site: p.siteUrl }), t("subscription.notYou")]}>
      <Text style={paragraph}>{t("subscription.body", { campaign: p.campaignName })}</Text>
      <Button href={p.confirmUrl} style={button}>
        {t("subscription.button")}
      </Button>
      <Text style={paragraph}>{t("confirmation.linkHint")}</Text>
      <Text style={{ ...paragraph, wordBreak: "break-all" }}>
        <Link href={p.confirmUrl}>{p.confirmUrl}</Link>
      </Text>
      <Text style={paragraph}>{t("subscription.expires")}</Text>
      <Text style={paragraph}>
        {t("subscription.preferencesHint")} <Link href={p.preferencesUrl}>{t("subscription.preferencesLink")}</Link>
      </Text>
    </EmailLayout>
  );
}

SubscriptionConfirmation.PreviewProps = {
  locale: "ru",
  campaignName: "Свободу Марату Турымбетову",
  confirmUrl: "http://localhost:3000/ru/confirmations/subscription/EXAMPLE_TOKEN_EXAMPLE_TOKEN_EXAMPLE_TOKEN_123",
  preferencesUrl: "http://localhost:3000/ru/subscriptions/EXAMPLE_TOKEN_EXAMPLE_TOKEN_EXAMPLE_TOKEN_456",
  siteUrl: "http://localhost:3000",
} satisfies SubscriptionConfirmationProps;
