import { Hr, Link, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { parseMarkdown, type Block } from "@/lib/updates/markdown";
import { EmailLayout, paragraph } from "./components/layout";
import { MarkdownBlocks } from "./components/markdown";

export type CampaignUpdateProps = {
  locale: Locale;
  campaignName: string;
  title: string;
  blocks: Block[];
  /** The update on the site. */
  updateUrl: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
  siteUrl: string;
};

export function campaignUpdateSubject(p: Pick<CampaignUpdateProps, "title" | "campaignName">): string {
  return p.campaignName ? `${p.title} — ${p.campaignName}` : p.title;
}

const small = { fontSize: "13px", lineHeight: "20px", color: "#4d5560" };

/** An update to a campaign's subscribers: the organizers' text, then how to change language or leave. */
export default function CampaignUpdate(p: CampaignUpdateProps) {
  const t = translator(p.locale);
  return (
    <EmailLayout lang={p.locale} preview={p.title} footerText={[t("updateEmail.why", { campaign: p.campaignName, site: p.siteUrl })]}>
      <Text style={{ fontSize: "22px", lineHeight: "30px", fontWeight: 700, margin: "0 0 12px" }}>{p.title}</Text>
      <MarkdownBlocks blocks={p.blocks} styles={{ paragraph, heading: { fontSize: "18px", lineHeight: "26px" }, list: paragraph, link: { color: "#0b5cad" } }} />
      <Text style={paragraph}>
        <Link href={p.updateUrl}>{t("updateEmail.onTheSite")}</Link>
      </Text>
      <Hr />
      <Text style={small}>
        <Link href={p.preferencesUrl}>{t("updateEmail.preferences")}</Link>
        {" · "}
        <Link href={p.unsubscribeUrl}>{t("updateEmail.unsubscribe")}</Link>
      </Text>
    </EmailLayout>
  );
}

CampaignUpdate.PreviewProps = {
  locale: "ru",
  campaignName: "Свободу Марату Турымбетову",
  title: "Суд назначен на 14 декабря",
  blocks: parseMarkdown("Заседание пройдёт в **Медеуском районном суде** в 10:00.\n\n- приходите заранее\n- возьмите документы\n\n[Подробнее о деле](https://example.org/case)"),
  updateUrl: "http://localhost:3000/ru/updates/00000000-0000-4000-8000-000000000000",
  preferencesUrl: "http://localhost:3000/ru/subscriptions/token",
  unsubscribeUrl: "http://localhost:3000/api/v1/unsubscribe/token",
  siteUrl: "http://localhost:3000",
} satisfies CampaignUpdateProps;
