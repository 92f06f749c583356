import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db";
import { findVisibleRallyBySlug } from "@/db/queries/rallies";
import { usesDevMailbox } from "@/lib/env";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { slugSchema } from "@/lib/validation/petitions";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: translator(locale)("rsvpCheckEmail.title"), robots: { index: false } };
}

/** After an RSVP: the same neutral page whether or not the address had registered before. */
export default async function RsvpCheckEmailPage({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const parsed = slugSchema.safeParse(slug);
  const row = parsed.success ? await findVisibleRallyBySlug(await getDb(), parsed.data) : null;
  if (!row) notFound();
  const t = translator(locale);
  return (
    <>
      <h1>{t("rsvpCheckEmail.title")}</h1>
      <div className="notice notice-ok" role="status">
        <p>{t("rsvpCheckEmail.body", { title: pick(row.rally.title, locale) })}</p>
      </div>
      {usesDevMailbox() && (
        <p className="notice">
          {t("signed.devMailbox")}{" "}
          <Link href={`/${locale}/dev/mailbox`} prefetch={false}>
            {t("signed.devMailboxLink")}
          </Link>
        </p>
      )}
      <p>{t("rsvpCheckEmail.notArrived")}</p>
      <p>
        <Link href={`/${locale}/rallies/${row.rally.slug}`} prefetch={false}>
          {t("rsvpCheckEmail.back")}
        </Link>
      </p>
    </>
  );
}
