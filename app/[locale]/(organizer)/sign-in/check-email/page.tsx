import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { signInLinkMinutes } from "@/lib/auth/send-sign-in-link";
import { usesDevMailbox } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("checkEmail.title"), robots: { index: false, follow: false } };
}

/** The same page for every address, invited or not. */
export default async function CheckEmailPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  return (
    <>
      <h1>{t("checkEmail.title")}</h1>
      <p className="lead" role="status">
        {t("checkEmail.body", { minutes: signInLinkMinutes })}
      </p>
      <p>{t("checkEmail.noMail")}</p>
      <p>
        <Link href="/sign-in">{t("checkEmail.again")}</Link>
      </p>
      {usesDevMailbox() && (
        <p className="notice">
          {t("checkEmail.devMailbox")} <Link href="/dev/mailbox">{t("checkEmail.devMailboxLink")}</Link>
        </p>
      )}
    </>
  );
}
