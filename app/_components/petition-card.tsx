import type { ListedPetition } from "@/db/queries/petitions";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { isOpenForSigning, publicState } from "@/lib/petitions/state";
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
  const open = isOpenForSigning(petition);
  const state = publicState(petition);
  return (
    <article className={open ? "card" : "card card-closed"}>
      <p className="badge">{t(`petitions.state.${state}`)}</p>
      <Heading className="card-title">
        <a href={href}>{pick(petition.title, locale)}</a>
      </Heading>
      <p className="muted">{t("petitions.to", { target: pick(petition.target, locale) })}</p>
      <p>{pick(petition.summary, locale)}</p>
      <PetitionProgress count={count} goal={petition.goal} locale={locale} final={!open} />
      <p>
        <a className={open ? "button button-primary" : "button"} href={open ? `${href}#sign-form` : href}>
          {open ? t("petitions.read") : t("petitions.readClosed")}
        </a>
      </p>
    </article>
  );
}
