import { Button, Link, Text } from "@react-email/components";
import { emailTranslator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { EmailLayout, button, paragraph } from "./components/layout";

export type SignatureConfirmationProps = {
  locale: Locale;
  name: string;
  petitionTitle: string;
  confirmUrl: string;
  siteUrl: string;
};

export function signatureConfirmationSubject(p: Pick<SignatureConfirmationProps, "locale" | "petitionTitle">) {
  return emailTranslator(p.locale)("confirmation.subject", { title: p.petitionTitle });
}

export default function SignatureConfirmation(p: SignatureConfirmationProps) {
  const t = emailTranslator(p.locale);
  return (
    <EmailLayout
      lang={p.locale}
      preview={t("confirmation.preview")}
      footerText={[t("confirmation.why", { site: p.siteUrl }), t("confirmation.notYou")]}
    >
      <Text style={paragraph}>{t("greeting", { name: p.name })}</Text>
      <Text style={paragraph}>{t("confirmation.body", { title: p.petitionTitle })}</Text>
      <Button href={p.confirmUrl} style={button}>
        {t("confirmation.button")}
      </Button>
      <Text style={paragraph}>{t("confirmation.linkHint")}</Text>
      <Text style={{ ...paragraph, wordBreak: "break-all" }}>
        <Link href={p.confirmUrl}>{p.confirmUrl}</Link>
      </Text>
      <Text style={paragraph}>{t("confirmation.expires")}</Text>
    </EmailLayout>
  );
}

SignatureConfirmation.PreviewProps = {
  locale: "ru",
  name: "Әлия Нұрланқызы",
  petitionTitle: "Прекратить уголовное дело против Марата Турымбетова",
  confirmUrl: "http://localhost:3000/ru/confirm/EXAMPLE_TOKEN_EXAMPLE_TOKEN_EXAMPLE_TOKEN_123",
  siteUrl: "http://localhost:3000",
} satisfies SignatureConfirmationProps;
