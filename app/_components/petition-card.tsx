import Link from "next/link";
import type { ListedPetition } from "@/db/queries/petitions";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { PetitionProgress } from "./petition-progress";

/** `headingLevel`: one below the heading the cards sit under (h2 on the petitions page, h3 under a section). */
export function PetitionCard({
  petition,
  count,
  locale,
  headingLevel = 3,
}: {
  petition: ListedPetition;
  count: number;
  locale: Locale;
  headingLevel?: 2 | 3;
}) {
  const t = translator(locale);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const href = `/${locale}/petitions/${petition.slug}`;
  return (
    <article className="card">
      <p className="badge">{t(`petitions.state.${petition.state}`)}</p>
      <Heading className="card-title">
        <Link href={href} prefetch={false}>{pick(petition.title, locale)}</Link>
      </Heading>
      <p className="muted">{t("petitions.to", { target: pick(petition.target, locale) })}</p>
      <p>{pick(petition.summary, locale)}</p>
      <PetitionProgress count={count} goal={petition.goal} locale={locale} />
      <p>
        <Link className="button" href={href} prefetch={false}>
          {t("petitions.read")}
        </Link>
      </p>
    </article>
  );
}
