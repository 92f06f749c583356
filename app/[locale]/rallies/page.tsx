import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RallyCard } from "@/app/_components/rallies/rally-card";
import { getDb } from "@/db";
import { findPublishedCampaign } from "@/db/queries/campaigns";
import { listVisibleRallies } from "@/db/queries/rallies";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { feedUrls } from "@/lib/rallies/ics";
import { isUpcoming } from "@/lib/rallies/state";
import { publicMetadata } from "@/app/_components/public-metadata";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = translator(locale);
  return publicMetadata(locale, "/rallies", { title: t("rallies.title"), description: t("rallies.description") });
}

/** Upcoming rallies, soonest first, then the archive (held, cancelled, past), newest first. */
export default async function RalliesPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const db = await getDb();
  const [rallies, campaign] = await Promise.all([listVisibleRallies(db), findPublishedCampaign(db)]);
  const t = translator(locale);
  const now = new Date();
  const upcoming = rallies.filter((r) => isUpcoming(r, now));
  const archive = rallies.filter((r) => !isUpcoming(r, now)).reverse();
  return (
    <>
      <h1>{t("rallies.title")}</h1>
      <p className="lead">{t("rallies.description")}</p>
      {upcoming.length === 0 && <p>{t("rallies.none")}</p>}
      <div className="cards">
        {upcoming.map((r) => (
          <RallyCard key={r.id} rally={r} locale={locale} headingLevel={2} />
        ))}
      </div>
      {campaign && (
        <p>
          <a href={feedUrls(campaign.slug, locale).webcal}>{t("rallies.subscribe")}</a>
          {" · "}
          <a href={feedUrls(campaign.slug, locale).https}>{t("rallies.feedLink")}</a>
        </p>
      )}
      {archive.length > 0 && (
        <section aria-labelledby="archive">
          <h2 id="archive">{t("rallies.archive")}</h2>
          <div className="cards">
            {archive.map((r) => (
              <RallyCard key={r.id} rally={r} locale={locale} />
            ))}
          </div>
        </section>
      )}
    </>
  );
}
