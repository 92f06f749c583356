import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { PetitionCard } from "@/app/_components/petition-card";
import { UpcomingRallies } from "@/app/_components/rallies/upcoming-rallies";
import { getDb } from "@/db";
import { findProfile, findPublishedCampaign } from "@/db/queries/campaigns";
import { listVisiblePetitions } from "@/db/queries/petitions";
import type { Locale } from "@/lib/i18n/locales";
import { paragraphs, pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { isOpenForSigning } from "@/lib/petitions/state";
import { publicMetadata } from "@/app/_components/public-metadata";

type Props = { params: Promise<{ locale: Locale }> };

const load = cache(async () => {
  await connection();
  const db = await getDb();
  const campaign = await findPublishedCampaign(db);
  if (!campaign) return null;
  const [profile, petitions] = await Promise.all([findProfile(db, campaign.id), listVisiblePetitions(db, campaign.id)]);
  return { campaign, profile, petitions };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const data = await load();
  const t = translator(locale);
  if (!data) return { title: t("meta.siteName") };
  const title = pick(data.campaign.name, locale);
  return publicMetadata(locale, "", { title, description: pick(data.campaign.tagline, locale), absoluteTitle: `${title} · ${t("meta.siteName")}` });
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const data = await load();
  if (!data) notFound();
  const { campaign, profile, petitions } = data;
  const t = translator(locale);
  const open = petitions.filter((p) => isOpenForSigning(p.petition));
  const others = petitions.filter((p) => !isOpenForSigning(p.petition));
  return (
    <>
      <section className="hero">
        <h1>{pick(campaign.name, locale)}</h1>
        <p className="lead">{pick(campaign.tagline, locale)}</p>
        {open[0] && (
          <p>
            <a className="button button-primary" href={`/${locale}/petitions/${open[0].petition.slug}#sign-form`}>
              {t("home.cta")}
            </a>
          </p>
        )}
      </section>
      {profile && (
        <>
          <section aria-labelledby="who">
            <h2 id="who">{t("home.who")}</h2>
            <p>
              <strong>{pick(profile.name, locale)}</strong> — {pick(profile.role, locale)}
            </p>
            {paragraphs(pick(profile.summary, locale)).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            <p>
              <a href={`/${locale}/profile`}>{t("home.readProfile")}</a>
            </p>
          </section>
          <section aria-labelledby="why">
            <h2 id="why">{t("home.why")}</h2>
            <p>{t("home.whyArticle", { article: pick(profile.article, locale) })}</p>
            <p>{t("home.whyHealth", { health: pick(profile.health, locale) })}</p>
          </section>
        </>
      )}
      <section aria-labelledby="petitions">
        <h2 id="petitions">{t("home.openPetitions")}</h2>
        {open.length === 0 && <p>{t("home.noPetitions")}</p>}
        <div className="cards">
          {[...open, ...others].map(({ petition, count }) => (
            <PetitionCard key={petition.id} petition={petition} count={count} locale={locale} />
          ))}
        </div>
        {open.length > 0 && <p className="muted">{t("home.ctaBody")}</p>}
      </section>
      <UpcomingRallies campaignId={campaign.id} locale={locale} />
    </>
  );
}
