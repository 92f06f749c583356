import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { PetitionCard } from "@/app/_components/petition-card";
import { getDb } from "@/db";
import { listVisiblePetitions } from "@/db/queries/petitions";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { publicMetadata } from "@/app/_components/public-metadata";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = translator(locale);
  return publicMetadata(locale, "/petitions", { title: t("petitions.title"), description: t("petitions.description") });
}

export default async function PetitionsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const petitions = await listVisiblePetitions(await getDb());
  const t = translator(locale);
  return (
    <>
      <h1>{t("petitions.title")}</h1>
      <p className="lead">{t("petitions.description")}</p>
      {petitions.length === 0 && <p>{t("petitions.empty")}</p>}
      <div className="cards">
        {petitions.map(({ petition, count }) => (
          <PetitionCard key={petition.id} petition={petition} count={count} locale={locale} headingLevel={2} />
        ))}
      </div>
    </>
  );
}
