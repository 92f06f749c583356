import { getLocale, getTranslations } from "next-intl/server";
import type { Petition } from "@/db/queries/petitions";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { PetitionProgress } from "./petition-progress";

export async function PetitionCard({ petition, count }: { petition: Petition; count: number }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("petitions");
  return (
    <article className="card">
      <p className="badge">{t(`state.${petition.state}`)}</p>
      <h3>
        <Link href={`/petitions/${petition.slug}`}>{pick(petition.title, locale)}</Link>
      </h3>
      <p className="muted">{t("to", { target: pick(petition.target, locale) })}</p>
      <p>{pick(petition.summary, locale)}</p>
      <PetitionProgress count={count} goal={petition.goal} />
      <p>
        <Link className="button" href={`/petitions/${petition.slug}`}>
          {t("read")}
        </Link>
      </p>
    </article>
  );
}
