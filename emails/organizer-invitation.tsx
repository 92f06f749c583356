import { Button, Link, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { EmailLayout, button, paragraph } from "./components/layout";
import { organizerEmailTranslator } from "./organizer-translator";

export type OrganizerInvitationProps = { locale: Locale; signInUrl: string; campaignName: string | null; role: "admin" | "organizer"; siteUrl: string };

export function organizerInvitationSubject(p: Pick<OrganizerInvitationProps, "locale">) {
  return organizerEmailTranslator(p.locale)("invitation.subject");
}

/** Tells an invited person where to sign in. It carries no credential: the sign-in page sends one. */
export default function OrganizerInvitation(p: OrganizerInvitationProps) {
  const t = organizerEmailTranslator(p.locale);
  return (
    <EmailLayout lang={p.locale} preview={t("invitation.preview")} footerText={[t("invitation.why", { site: p.siteUrl })]}>
      <Text style={paragraph}>
        {p.role === "admin" ? t("invitation.bodyAdmin") : t("invitation.body", { campaign: p.campaignName ?? "" })}
      </Text>
      <Button href={p.signInUrl} style={button}>
        {t("invitation.button")}
      </Button>
      <Text style={{ ...paragraph, wordBreak: "break-all" }}>
        <Link href={p.signInUrl}>{p.signInUrl}</Link>
      </Text>
      <Text style={paragraph}>{t("invitation.howItWorks")}</Text>
    </EmailLayout>
  );
}

OrganizerInvitation.PreviewProps = {
  locale: "ru",
  signInUrl: "http://localhost:3000/ru/sign-in",
  campaignName: "Свободу Марату Турымбетову",
  role: "organizer",
  siteUrl: "http://localhost:3000",
} satisfies OrganizerInvitationProps;
