import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PetitionProgress } from "@/app/_components/petition-progress";
import { ShareLinks } from "@/app/_components/share-links";
import { getDb } from "@/db";
import { findVisiblePetitionBySlug } from "@/db/queries/petitions";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";

/**
 * After a signature is confirmed — just now (the thanks page) or before (a second visit to its link): the count
 * and the share step.
 */
export async function SignatureThanks({ locale, slug, already }: { locale: Locale; slug: string; already: boolean }) {
  const row = await findVisiblePetitionBySlug(await getDb(), slug);
  if (!row) notFound();
  const t = await getTranslations({ locale, namespace: "thanks" });
  const p = await getTranslations({ locale, namespace: "petitions" });
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
