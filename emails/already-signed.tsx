import { Link, Text } from "@react-email/components";
import { emailTranslator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { EmailLayout, paragraph } from "./components/layout";

export type AlreadySignedProps = {
  locale: Locale;
  name: string;
  petitionTitle: string;
  petitionUrl: string;
  siteUrl: string;
};

export function alreadySignedSubject(p: Pick<AlreadySignedProps, "locale" | "petitionTitle">) {
  return emailTranslator(p.locale)("alreadySigned.subject", { title: p.petitionTitle });
}

export default function AlreadySigned(p: AlreadySignedProps) {
  const t = emailTranslator(p.locale);
  return (
    <EmailLayout
      lang={p.locale}
      preview={t("alreadySigned.preview")}
      footerText={[t("alreadySigned.why", { site: p.siteUrl }), t("alreadySigned.notYou")]}
    >
      <Text style={paragraph}>{t("greeting", { name: p.name })}</Text>
      <Text style={paragraph}>{t("alreadySigned.body", { title: p.petitionTitle })}</Text>
      <Text style={paragraph}>
        <Link href={p.petitionUrl}>{p.petitionUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

AlreadySigned.PreviewProps = {
  locale: "en",
  name: "Aliya",
  petitionTitle: "Drop the Article 274(4) case against Marat Turymbetov",
  petitionUrl: "http://localhost:3000/en/petitions/drop-the-charges",
  siteUrl: "http://localhost:3000",
} satisfies AlreadySignedProps;
