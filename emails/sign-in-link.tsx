import { Button, Link, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { EmailLayout, button, paragraph } from "./components/layout";
import { organizerEmailTranslator } from "./organizer-translator";

export type SignInLinkProps = { locale: Locale; url: string; minutes: number; siteUrl: string };

export function signInLinkSubject(p: Pick<SignInLinkProps, "locale">) {
  return organizerEmailTranslator(p.locale)("signInLink.subject");
}

/** The magic link. It opens a page with a button, so a mail scanner that follows links signs nobody in. */
export default function SignInLink(p: SignInLinkProps) {
  const t = organizerEmailTranslator(p.locale);
  return (
    <EmailLayout lang={p.locale} preview={t("signInLink.preview")} footerText={[t("signInLink.why", { site: p.siteUrl }), t("signInLink.notYou")]}>
      <Text style={paragraph}>{t("signInLink.body")}</Text>
      <Button href={p.url} style={button}>
        {t("signInLink.button")}
      </Button>
      <Text style={paragraph}>{t("signInLink.linkHint")}</Text>
      <Text style={{ ...paragraph, wordBreak: "break-all" }}>
        <Link href={p.url}>{p.url}</Link>
      </Text>
      <Text style={paragraph}>{t("signInLink.expires", { minutes: p.minutes })}</Text>
    </EmailLayout>
  );
}

SignInLink.PreviewProps = {
  locale: "kk",
  url: "http://localhost:3000/kk/sign-in/verify?token=EXAMPLE&email=organizer%40example.org&callbackUrl=%2Fkk%2Fdashboard",
  minutes: 60,
  siteUrl: "http://localhost:3000",
} satisfies SignInLinkProps;
