import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { PetitionCard } from "@/app/_components/petition-card";
import { getDb } from "@/db";
import { listVisiblePetitions } from "@/db/queries/petitions";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "petitions" });
  return {
    title: t("title"),
    description: t("description"),
    openGraph: { title: t("title"), description: t("description"), url: `/${locale}/petitions` },
    alternates: { languages: { ru: "/ru/petitions", kk: "/kk/petitions", en: "/en/petitions" } },
  };
}

export default async function PetitionsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const db = await getDb();
  const petitions = await listVisiblePetitions(db);
  const t = await getTranslations("petitions");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("description")}</p>
      {petitions.length === 0 && <p>{t("empty")}</p>}
      <div className="cards">
        {petitions.map(({ petition, count }) => (
          <PetitionCard key={petition.id} petition={petition} count={count} headingLevel={2} />
        ))}
      </div>
    </>
  );
}
