import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PetitionProgress } from "@/app/_components/petition-progress";
import { ShareLinks } from "@/app/_components/share-links";
import { getDb } from "@/db";
import { findVisiblePetitionBySlug } from "@/db/queries/petitions";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { slugSchema } from "@/lib/validation/petitions";

type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<{ already?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "thanks" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ThanksPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  const { already } = await searchParams;
  setRequestLocale(locale);
  await connection();
  const parsed = slugSchema.safeParse(slug);
  const row = parsed.success ? await findVisiblePetitionBySlug(await getDb(), parsed.data) : null;
  if (!row) notFound();
  const t = await getTranslations("thanks");
  const p = await getTranslations("petitions");
  const title = pick(row.petition.title, locale);
  return (
    <>
      <h1>{already ? t("already") : t("title")}</h1>
      <p>{t("body", { title })}</p>
      <PetitionProgress count={row.count} goal={row.petition.goal} />
      <h2>{p("share")}</h2>
      <p>{t("next")}</p>
      <ShareLinks url={`${appUrl()}/${locale}/petitions/${row.petition.slug}`} title={title} />
      <p>
        <a href={`/${locale}/petitions/${row.petition.slug}`}>{title}</a>
      </p>
    </>
  );
}
