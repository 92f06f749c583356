import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("error.title"), robots: { index: false, follow: false } };
}

/** Auth.js sends failed sign-ins here: a used or expired link (Verification), a removed account, anything else. */
export default async function SignInErrorPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { error } = await searchParams;
  const t = await getTranslations("auth");
  const body = error === "Verification" ? t("error.verification") : error === "AccessDenied" ? t("signIn.accessDenied") : t("error.other");
  return (
    <>
      <h1>{t("error.title")}</h1>
      <p className="notice notice-error" role="alert">
        {body}
      </p>
      <p>
        <Link className="button button-primary" href="/sign-in">
          {t("error.again")}
        </Link>
      </p>
    </>
  );
}
