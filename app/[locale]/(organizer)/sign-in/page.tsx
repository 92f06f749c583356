import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { currentActor } from "@/lib/auth/current-actor";
import { safeCallbackPath } from "@/lib/auth/locale";
import type { Locale } from "@/lib/i18n/locales";
import { formStrings } from "../_components/strings";
import { SignInForm } from "./sign-in-form";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  // same-origin: see the dashboard layout (a no-JavaScript server-action POST needs a real Origin header).
  return { title: t("signIn.title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(query.callbackUrl, locale);
  if (await currentActor()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  const error = query.error === "AccessDenied" ? t("signIn.accessDenied") : query.error ? t("signIn.failed") : null;
  return (
    <>
      <h1>{t("signIn.title")}</h1>
      <p className="lead">{t("signIn.intro")}</p>
      {query.signedOut === "1" && (
        <p className="notice notice-ok" role="status">
          {t("signIn.signedOut")}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <SignInForm
        callbackUrl={callbackUrl}
        strings={{ ...(await formStrings()), email: t("signIn.email"), emailHint: t("signIn.emailHint"), submit: t("signIn.submit"), pending: t("signIn.pending") }}
      />
      <p className="muted">{t("signIn.inviteOnly")}</p>
    </>
  );
}
