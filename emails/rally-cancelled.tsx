import { Link, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { rallyEmailTranslator } from "@/lib/i18n/translator";
import { EmailLayout, paragraph } from "./components/layout";
import { OrganizersText, RallyGreeting } from "./components/rally-parts";

export type RallyCancelledProps = {
  locale: Locale;
  name: string;
  title: string;
  when: string;
  note: string;
  /** The campaign's other upcoming rallies. */
  others: { title: string; when: string; url: string }[];
  siteUrl: string;
};

export function rallyCancelledSubject(p: Pick<RallyCancelledProps, "locale" | "title">) {
  return rallyEmailTranslator(p.locale)("cancelled.subject", { title: p.title });
}

export default function RallyCancelled(p: RallyCancelledProps) {
  const t = rallyEmailTranslator(p.locale);
  return (
    <EmailLayout lang={p.locale} preview={t("cancelled.preview")} footerText={[t("why", { site: p.siteUrl })]}>
      <RallyGreeting locale={p.locale} name={p.name} />
      <Text style={paragraph}>{t("cancelled.body", { title: p.title, when: p.when })}</Text>
      <OrganizersText heading={t("organizersSay")} text={p.note} />
      {p.others.length > 0 && (
        <>
          <Text style={{ ...paragraph, fontWeight: 700 }}>{t("cancelled.others")}</Text>
          {p.others.map((o) => (
            <Text key={o.url} style={paragraph}>
              <Link href={o.url}>{o.title}</Link> — {o.when}
            </Text>
          ))}
        </>
      )}
    </EmailLayout>
  );
}

RallyCancelled.PreviewProps = {
  locale: "ru",
  name: "Әлия",
  title: "Мирный митинг в поддержку политических заключённых",
  when: "воскресенье, 20 декабря 2026 г., 18:00–20:00 (Алматы, GMT+5)",
  note: "Акимат отказал в согласовании. Мы подаём новое уведомление.",
  others: [{ title: "Пикет у суда", when: "пятница, 8 января 2027 г., 10:00–11:00 (Алматы, GMT+5)", url: "http://localhost:3000/ru/rallies/court" }],
  siteUrl: "http://localhost:3000",
} satisfies RallyCancelledProps;
