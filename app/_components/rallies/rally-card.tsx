import type { Rally } from "@/db/queries/rallies";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { formatRallyWhen } from "@/lib/rallies/format-when";

/** A rally in a list: its state, title, time and place. */
export function RallyCard({ rally, locale, headingLevel = 3 }: { rally: Rally; locale: Locale; headingLevel?: 2 | 3 }) {
  const t = translator(locale);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card">
      <p className="badge">{t(`rallies.state.${rally.state}`)}</p>
      <Heading className="card-title">
        <a href={`/${locale}/rallies/${rally.slug}`}>
          {pick(rally.title, locale)}
        </a>
      </Heading>
      <p>
        <time dateTime={rally.startsAt.toISOString()}>{formatRallyWhen(locale, rally)}</time>
      </p>
      <p className="muted">{pick(rally.address, locale)}</p>
    </article>
  );
}
