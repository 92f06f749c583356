import { Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { rallyEmailTranslator } from "@/lib/i18n/translator";
import { EmailLayout, paragraph } from "./components/layout";
import { RallyFacts, type RallyFactsProps, rallyFactsPreview } from "./components/rally-facts";
import { CancelHint, OrganizersText, RallyGreeting } from "./components/rally-parts";

export type RallyRegisteredProps = {
  locale: Locale;
  name: string;
  /** registered: a place is yours; waitlisted: no place yet; promoted: moved up from the waitlist. */
  variant: "registered" | "waitlisted" | "promoted";
  /** Waitlisted: where you stand (1 is next). Only ever shown here, never on a page. */
  position: number | null;
  facts: RallyFactsProps;
  /** "What to bring": for people with a place only. */
  preparation: string;
  manageUrl: string;
  siteUrl: string;
};

export function rallyRegisteredSubject(p: Pick<RallyRegisteredProps, "locale" | "variant" | "facts">) {
  return rallyEmailTranslator(p.locale)(`${p.variant}.subject`, { title: p.facts.title });
}

/** After confirming: a place (with the calendar file and what to bring), or a waitlist position; later, the move up. */
export default function RallyRegistered(p: RallyRegisteredProps) {
  const t = rallyEmailTranslator(p.locale);
  const hasPlace = p.variant !== "waitlisted";
  return (
    <EmailLayout lang={p.locale} preview={t(`${p.variant}.preview`)} footerText={[t("why", { site: p.siteUrl })]}>
      <RallyGreeting locale={p.locale} name={p.name} />
      <Text style={paragraph}>{p.variant === "waitlisted" && p.position ? t("waitlisted.bodyPosition", { position: p.position }) : t(`${p.variant}.body`)}</Text>
      <RallyFacts {...p.facts} />
      {hasPlace && <OrganizersText heading={t("preparation")} text={p.preparation} />}
      <CancelHint locale={p.locale} manageUrl={p.manageUrl} />
    </EmailLayout>
  );
}

RallyRegistered.PreviewProps = {
  locale: "ru",
  name: "Әлия",
  variant: "registered",
  position: null,
  facts: rallyFactsPreview,
  preparation: "Возьмите с собой удостоверение личности и воду.",
  manageUrl: "http://localhost:3000/ru/rsvp/EXAMPLE_TOKEN_EXAMPLE_TOKEN_EXAMPLE_TOKEN_456",
  siteUrl: "http://localhost:3000",
} satisfies RallyRegisteredProps;
