import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db";
import { findSignatureByTokenHash } from "@/db/queries/signatures";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { formatter } from "@/lib/i18n/translator";
import { hashToken } from "@/lib/signatures/tokens";
import { tokenSchema } from "@/lib/validation/signatures";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "confirm" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * The emailed link lands here. Opening it changes nothing (mail scanners open links); the button posts.
 * Unknown, replaced or expired links get the not-found page of this folder, which offers to sign again.
 */
export default async function ConfirmPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  await connection();
  const parsed = tokenSchema.safeParse(token);
  const signature = parsed.success ? await findSignatureByTokenHash(await getDb(), hashToken(parsed.data)) : null;
  if (!signature) notFound();
  const t = await getTranslations("confirm");
  if (signature.state === "pending" && !signature.confirmationCounts) {
    // The petition closed, and the day in which signatures made before the close could still be confirmed is over.
    const ended = signature.signingEndedAt;
    return (
      <>
        <h1>{t("closedTitle")}</h1>
        <p>{t("closedBody", { title: pick(signature.petitionTitle, locale) })}</p>
        {ended && <p>{t("closedWhen", { date: formatter(locale).dateTime(ended, { dateStyle: "long", timeStyle: "short" }) })}</p>}
        <p>
          <a className="button" href={`/${locale}/petitions/${signature.petitionSlug}`}>
            {t("closedLink")}
          </a>
        </p>
      </>
    );
  }
  const expired = signature.state === "pending" && signature.tokenExpiresAt <= new Date();
  if (expired || (signature.state !== "pending" && signature.state !== "confirmed")) notFound();
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("body", { title: pick(signature.petitionTitle, locale) })}</p>
      <form method="post" action="/api/v1/signatures/confirm">
        <input type="hidden" name="token" value={parsed.data} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="button button-primary">
          {t("button")}
        </button>
      </form>
    </>
  );
}
