import { Button, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { rallyEmailTranslator } from "@/lib/i18n/translator";
import { EmailLayout, button, paragraph } from "./components/layout";
import { RallyFacts, type RallyFactsProps, rallyFactsPreview } from "./components/rally-facts";
import { CancelHint, OrganizersText, RallyGreeting } from "./components/rally-parts";

export type RallyReminderProps = {
  locale: Locale;
  name: string;
  /** day_before: 11:00 the day before, "still coming?"; day_of: 08:00 the day itself. */
  variant: "day_before" | "day_of";
  facts: RallyFactsProps;
  preparation: string;
  manageUrl: string;
  siteUrl: string;
};

export function rallyReminderSubject(p: Pick<RallyReminderProps, "locale" | "variant" | "facts">) {
  return rallyEmailTranslator(p.locale)(`${p.variant}.subject`, { title: p.facts.title });
}

export default function RallyReminder(p: RallyReminderProps) {
  const t = rallyEmailTranslator(p.locale);
  return (
    <EmailLayout lang={p.locale} preview={t(`${p.variant}.preview`)} footerText={[t("why", { site: p.siteUrl })]}>
      <RallyGreeting locale={p.locale} name={p.name} />
      <Text style={paragraph}>{t(`${p.variant}.body`)}</Text>
      <RallyFacts {...p.facts} />
      <OrganizersText heading={t("preparation")} text={p.preparation} />
      {p.variant === "day_before" ? (
        <>
          <Button href={p.manageUrl} style={button}>
            {t("day_before.button")}
          </Button>
          <Text style={paragraph}>{t("day_before.hint")}</Text>
        </>
      ) : (
        <CancelHint locale={p.locale} manageUrl={p.manageUrl} />
      )}
    </EmailLayout>
  );
}

RallyReminder.PreviewProps = {
  locale: "ru",
  name: "",
  variant: "day_before",
  facts: rallyFactsPreview,
  preparation: "Возьмите с собой удостоверение личности и воду.",
  manageUrl: "http://localhost:3000/ru/rsvp/EXAMPLE_TOKEN_EXAMPLE_TOKEN_EXAMPLE_TOKEN_456",
  siteUrl: "http://localhost:3000",
} satisfies RallyReminderProps;
