import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ShareLinks } from "@/app/_components/share-links";
import { getDb } from "@/db";
import { findPetitionForSignPage } from "@/db/queries/petitions";
import { appUrl, usesDevMailbox } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { slugSchema } from "@/lib/validation/petitions";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "signed" });
  return { title: t("title"), robots: { index: false } };
}

/** After signing: the same neutral page whether or not the address had signed before. */
export default async function SignedPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  await connection();
  const parsed = slugSchema.safeParse(slug);
  const petition = parsed.success ? await findPetitionForSignPage(await getDb(), parsed.data) : null;
  if (!petition) notFound();
  const t = await getTranslations("signed");
  const title = pick(petition.title, locale);
  return (
    <>
      <h1>{t("title")}</h1>
      <div className="notice notice-ok" role="status">
        <p>{t("body", { title })}</p>
      </div>
      {usesDevMailbox() && (
        <p className="notice">
          {t("devMailbox")} <a href={`/${locale}/dev/mailbox`}>{t("devMailboxLink")}</a>
        </p>
      )}
      <p>{t("notArrived")}</p>
      <h2>{t("shareTitle")}</h2>
      <p>{t("shareBody")}</p>
      <ShareLinks url={`${appUrl()}/${locale}/petitions/${petition.slug}`} title={title} />
      <p>
        <a href={`/${locale}/petitions/${petition.slug}`}>{t("back")}</a>
      </p>
    </>
  );
}
