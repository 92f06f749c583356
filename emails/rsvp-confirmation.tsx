import { Button, Link, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { rallyEmailTranslator } from "@/lib/i18n/translator";
import { EmailLayout, button, paragraph } from "./components/layout";
import { RallyFacts, type RallyFactsProps, rallyFactsPreview } from "./components/rally-facts";
import { CancelHint, RallyGreeting } from "./components/rally-parts";

export type RsvpConfirmationProps = {
  locale: Locale;
  name: string;
  facts: RallyFactsProps;
  /** Pending: the confirm link. Already registered: null, and the manage link instead. */
  confirmUrl: string | null;
  manageUrl: string;
  siteUrl: string;
};

export function rsvpConfirmationSubject(p: Pick<RsvpConfirmationProps, "locale" | "facts" | "confirmUrl">) {
  const t = rallyEmailTranslator(p.locale);
  return p.confirmUrl ? t("confirmation.subject", { title: p.facts.title }) : t("confirmation.alreadySubject", { title: p.facts.title });
}

/** The RSVP's double opt-in (transactional). An address already registered gets its manage link instead. */
export default function RsvpConfirmation(p: RsvpConfirmationProps) {
  const t = rallyEmailTranslator(p.locale);
  return (
    <EmailLayout lang={p.locale} preview={t("confirmation.preview")} footerText={[t("why", { site: p.siteUrl }), t("confirmation.notYou")]}>
      <RallyGreeting locale={p.locale} name={p.name} />
      {p.confirmUrl ? (
        <>
          <Text style={paragraph}>{t("confirmation.body")}</Text>
          <RallyFacts {...p.facts} />
          <Button href={p.confirmUrl} style={button}>
            {t("confirmation.button")}
          </Button>
          <Text style={paragraph}>{t("linkHint")}</Text>
          <Text style={{ ...paragraph, wordBreak: "break-all" }}>
            <Link href={p.confirmUrl}>{p.confirmUrl}</Link>
          </Text>
          <Text style={paragraph}>{t("confirmation.expires")}</Text>
        </>
      ) : (
        <>
          <Text style={paragraph}>{t("confirmation.alreadyBody")}</Text>
          <RallyFacts {...p.facts} />
        </>
      )}
      <CancelHint locale={p.locale} manageUrl={p.manageUrl} />
    </EmailLayout>
  );
}

RsvpConfirmation.PreviewProps = {
  locale: "ru",
  name: "Әлия",
  facts: rallyFactsPreview,
  confirmUrl: "http://localhost:3000/ru/confirmations/rsvp/EXAMPLE_TOKEN_EXAMPLE_TOKEN_EXAMPLE_TOKEN_123",
  manageUrl: "http://localhost:3000/ru/rsvp/EXAMPLE_TOKEN_EXAMPLE_TOKEN_EXAMPLE_TOKEN_456",
  siteUrl: "http://localhost:3000",
} satisfies RsvpConfirmationProps;
