import { connection } from "next/server";
import { getDb } from "@/db";
import { listVisibleRallies } from "@/db/queries/rallies";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { isUpcoming } from "@/lib/rallies/state";
import { RallyCard } from "./rally-card";

/** The campaign home's rallies section: the next three upcoming rallies, and a link to all of them. */
export async function UpcomingRallies({ campaignId, locale }: { campaignId: string; locale: Locale }) {
  // The layout answers 404 for a segment that is not a language, but Next renders the page beside it.
  if (!isLocale(locale)) return null;
  await connection();
  const now = new Date();
  const upcoming = (await listVisibleRallies(await getDb(), campaignId)).filter((r) => isUpcoming(r, now)).slice(0, 3);
  const t = translator(locale);
  return (
    <section aria-labelledby="rallies">
      <h2 id="rallies">{t("home.rallies")}</h2>
      {upcoming.length === 0 && <p>{t("home.noRallies")}</p>}
      <div className="cards">
        {upcoming.map((r) => (
          <RallyCard key={r.id} rally={r} locale={locale} />
        ))}
      </div>
      <p>
        <a href={`/${locale}/rallies`}>
          {t("home.allRallies")}
        </a>
      </p>
    </section>
  );
}
