import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { safeCallbackPath } from "@/lib/auth/locale";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("verify.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * Where the emailed link lands. Opening it changes nothing (mail scanners open links); the button sends the
 * token to Auth.js, which signs the person in once.
 */
export default async function VerifyPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("auth");
  const token = typeof query.token === "string" ? query.token : "";
  const email = typeof query.email === "string" ? query.email : "";
  if (!token || !email || token.length > 200 || email.length > 254) {
    return (
      <>
        <h1>{t("verify.title")}</h1>
        <p className="notice notice-error" role="alert">
          {t("verify.incomplete")}
        </p>
        <p>
          <Link href="/sign-in">{t("checkEmail.again")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("verify.title")}</h1>
      <p className="lead">{t("verify.body", { email })}</p>
      <form method="get" action="/api/auth/callback/email">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={safeCallbackPath(query.callbackUrl, locale)} />
        <button type="submit" className="button button-primary">
          {t("verify.submit")}
        </button>
      </form>
      <p className="muted">{t("verify.notYou")}</p>
    </>
  );
}
