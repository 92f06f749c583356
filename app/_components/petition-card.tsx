import { getLocale, getTranslations } from "next-intl/server";
import type { Petition } from "@/db/queries/petitions";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { PetitionProgress } from "./petition-progress";

/** `headingLevel`: one below the heading the cards sit under (h2 on the petitions page, h3 under a section). */
export async function PetitionCard({
  petition,
  count,
  headingLevel = 3,
}: {
  petition: Petition;
  count: number;
  headingLevel?: 2 | 3;
}) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("petitions");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card">
      <p className="badge">{t(`state.${petition.state}`)}</p>
      <Heading className="card-title">
        <Link href={`/petitions/${petition.slug}`}>{pick(petition.title, locale)}</Link>
      </Heading>
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
