import { Link, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { paragraphs } from "@/lib/i18n/localized";
import { rallyEmailTranslator } from "@/lib/i18n/translator";
import { paragraph } from "./layout";

/** The first line of every rally email: by name when the person gave one. */
export function RallyGreeting({ locale, name }: { locale: Locale; name: string }) {
  const t = rallyEmailTranslator(locale);
  return <Text style={paragraph}>{name ? t("greeting", { name }) : t("greetingNoName")}</Text>;
}

/** The organizers' own words (what to bring, why it changed or was cancelled) under a heading; nothing when there are none. */
export function OrganizersText({ heading, text }: { heading: string; text: string | null }) {
  if (!text) return null;
  return (
    <>
      <Text style={{ ...paragraph, fontWeight: 700 }}>{heading}</Text>
      {paragraphs(text).map((part, i) => (
        <Text key={i} style={paragraph}>
          {part}
        </Text>
      ))}
    </>
  );
}

/** How to give the place up: the RSVP's own page. */
export function CancelHint({ locale, manageUrl }: { locale: Locale; manageUrl: string }) {
  const t = rallyEmailTranslator(locale);
  return (
    <Text style={paragraph}>
      {t("cancelHint")} <Link href={manageUrl}>{t("cancelLink")}</Link>
    </Text>
  );
}
