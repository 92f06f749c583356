import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { connection } from "next/server";
import { PetitionCard } from "@/app/_components/petition-card";
import { getDb } from "@/db";
import { findProfile, findPublishedCampaign } from "@/db/queries/campaigns";
import { listVisiblePetitions } from "@/db/queries/petitions";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { paragraphs, pick } from "@/lib/i18n/localized";

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
  const t = await getTranslations({ locale, namespace: "meta" });
  if (!data) return { title: t("siteName") };
  const title = pick(data.campaign.name, locale);
  const description = pick(data.campaign.tagline, locale);
  return {
    title: { absolute: `${title} · ${t("siteName")}` },
    description,
    openGraph: { title, description, url: `/${locale}` },
    alternates: { languages: { ru: "/ru", kk: "/kk", en: "/en" } },
  };
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const data = await load();
  if (!data) notFound();
  const { campaign, profile, petitions } = data;
  const t = await getTranslations("home");
  const open = petitions.filter((p) => p.petition.state === "published");
  const others = petitions.filter((p) => p.petition.state !== "published");
  return (
    <>
      <section className="hero">
        <h1>{pick(campaign.name, locale)}</h1>
        <p className="lead">{pick(campaign.tagline, locale)}</p>
        {open[0] && (
          <p>
            <Link className="button button-primary" href={`/petitions/${open[0].petition.slug}`}>
              {t("cta")}
            </Link>
          </p>
        )}
      </section>
      {profile && (
        <>
          <section aria-labelledby="who">
            <h2 id="who">{t("who")}</h2>
            <p>
              <strong>{pick(profile.name, locale)}</strong> — {pick(profile.role, locale)}
            </p>
            {paragraphs(pick(profile.summary, locale)).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            <p>
              <Link href="/profile">{t("readProfile")}</Link>
            </p>
          </section>
          <section aria-labelledby="why">
            <h2 id="why">{t("why")}</h2>
            <p>{t("whyArticle", { article: pick(profile.article, locale) })}</p>
            <p>{t("whyHealth", { health: pick(profile.health, locale) })}</p>
          </section>
        </>
      )}
      <section aria-labelledby="petitions">
        <h2 id="petitions">{t("openPetitions")}</h2>
        {open.length === 0 && <p>{t("noPetitions")}</p>}
        <div className="cards">
          {[...open, ...others].map(({ petition, count }) => (
            <PetitionCard key={petition.id} petition={petition} count={count} />
          ))}
        </div>
        {open.length > 0 && <p className="muted">{t("ctaBody")}</p>}
      </section>
    </>
  );
}
