import { Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { rallyEmailTranslator } from "@/lib/i18n/translator";
import { EmailLayout, paragraph } from "./components/layout";
import { RallyFacts, type RallyFactsProps, rallyFactsPreview } from "./components/rally-facts";
import { CancelHint, OrganizersText, RallyGreeting } from "./components/rally-parts";

export type RallyChangedProps = {
  locale: Locale;
  name: string;
  /** Each line "what: before → now", already in the reader's language. */
  changes: { label: string; before: string; after: string }[];
  message: string;
  facts: RallyFactsProps;
  manageUrl: string;
  siteUrl: string;
};

export function rallyChangedSubject(p: Pick<RallyChangedProps, "locale" | "facts">) {
  return rallyEmailTranslator(p.locale)("changed.subject", { title: p.facts.title });
}

/** Time or place changed: what it was, what it is now, the organizers' word, and the new calendar file. */
export default function RallyChanged(p: RallyChangedProps) {
  const t = rallyEmailTranslator(p.locale);
  return (
    <EmailLayout lang={p.locale} preview={t("changed.preview")} footerText={[t("why", { site: p.siteUrl })]}>
      <RallyGreeting locale={p.locale} name={p.name} />
      <Text style={paragraph}>{t("changed.body")}</Text>
      {p.changes.map((c) => (
        <Text key={c.label} style={paragraph}>
          <strong>{c.label}:</strong> {t("changed.was")} {c.before}
          <br />
          {t("changed.now")} <strong>{c.after}</strong>
        </Text>
      ))}
      <OrganizersText heading={t("organizersSay")} text={p.message} />
      <RallyFacts {...p.facts} />
      <Text style={paragraph}>{t("changed.calendarHint")}</Text>
      <CancelHint locale={p.locale} manageUrl={p.manageUrl} />
    </EmailLayout>
  );
}

RallyChanged.PreviewProps = {
  locale: "ru",
  name: "Әлия",
  changes: [{ label: "Время", before: "воскресенье, 20 декабря 2026 г., 18:00–20:00", after: "воскресенье, 20 декабря 2026 г., 19:00–21:00" }],
  message: "Акимат согласовал митинг на час позже.",
  facts: rallyFactsPreview,
  manageUrl: "http://localhost:3000/ru/rsvp/EXAMPLE_TOKEN_EXAMPLE_TOKEN_EXAMPLE_TOKEN_456",
  siteUrl: "http://localhost:3000",
} satisfies RallyChangedProps;
