import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { calendarDate, precisionFormat } from "@/app/_components/dates";
import { SubscribeFormView } from "@/app/_components/subscribe-form-view";
import { getDb } from "@/db";
import { findProfile, findPublishedCampaign, listSources, listTimeline } from "@/db/queries/campaigns";
import { listVisiblePetitions } from "@/db/queries/petitions";
import type { Locale } from "@/lib/i18n/locales";
import { paragraphs, pick } from "@/lib/i18n/localized";
import { formatter, translator } from "@/lib/i18n/translator";
import { isOpenForSigning } from "@/lib/petitions/state";
import { publicMetadata } from "@/app/_components/public-metadata";

type Props = { params: Promise<{ locale: Locale }> };

const load = cache(async () => {
  await connection();
  const db = await getDb();
  const campaign = await findPublishedCampaign(db);
  if (!campaign) return null;
  const [profile, timeline, sources, petitions] = await Promise.all([
    findProfile(db, campaign.id),
    listTimeline(db, campaign.id),
    listSources(db, campaign.id),
    listVisiblePetitions(db, campaign.id),
  ]);
  if (!profile) return null;
  return { campaign, profile, timeline, sources, petitions };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const data = await load();
  if (!data) return {};
  const t = translator(locale);
  const name = pick(data.profile.name, locale);
  const title = t("profile.title", { name });
  const description = pick(data.profile.summary, locale).slice(0, 200) || t("profile.description", { name });
  return publicMetadata(locale, "/profile", { title, description, type: "profile" });
}

export default async function ProfilePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const data = await load();
  if (!data) notFound();
  const { profile, timeline, sources, petitions } = data;
  const t = translator(locale);
  const format = formatter(locale);
  const name = pick(profile.name, locale);
  const facts: Array<[string, string]> = [
    [t("profile.role"), pick(profile.role, locale)],
    [t("profile.born"), profile.dateOfBirth ? format.dateTime(calendarDate(profile.dateOfBirth), precisionFormat.day) : ""],
    [t("profile.residence"), pick(profile.residence, locale)],
    [t("profile.article"), pick(profile.article, locale)],
    [t("profile.nationality"), pick(profile.nationality, locale)],
    [t("profile.citizenship"), pick(profile.citizenship, locale)],
    [t("profile.education"), pick(profile.education, locale)],
  ];
  const open = petitions.filter((p) => isOpenForSigning(p.petition));
  return (
    <article className="profile">
      <h1>{name}</h1>
      {profile.portraitPath && <img src={profile.portraitPath} alt={name} className="portrait-preview" width={240} />}
      <p className="lead">{pick(profile.role, locale)}</p>
      {paragraphs(pick(profile.summary, locale)).map((p, i) => (
        <p key={i}>{p}</p>
      ))}

      <section aria-labelledby="facts">
        <h2 id="facts">{t("profile.facts")}</h2>
        <dl className="facts">
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>

      <section aria-labelledby="health">
        <h2 id="health">{t("profile.health")}</h2>
        {paragraphs(pick(profile.health, locale)).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </section>

      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("profile.timeline")}</h2>
        <ol className="timeline">
          {timeline.map((e) => (
            <li key={e.id}>
              <time dateTime={e.occurredOn.slice(0, e.precision === "year" ? 4 : e.precision === "month" ? 7 : 10)}>
                {format.dateTime(calendarDate(e.occurredOn), precisionFormat[e.precision])}
              </time>
              <h3>{pick(e.title, locale)}</h3>
              <p>{pick(e.body, locale)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="biography">
        <h2 id="biography">{t("profile.biography")}</h2>
        {paragraphs(pick(profile.biography, locale)).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </section>

      <section aria-labelledby="sources">
        <h2 id="sources">{t("profile.sources")}</h2>
        <ul className="sources">
          {sources.map((s) => {
            const title = pick(s.title, locale);
            const publisher = pick(s.publisher, locale);
            const date = s.publishedOn ? format.dateTime(calendarDate(s.publishedOn), precisionFormat.day) : "";
            return (
              <li key={s.id}>
                {s.url ? (
                  <a href={s.url} rel="noopener noreferrer external">
                    {title}
                  </a>
                ) : (
                  title
                )}
                <br />
                <span className="muted">{date ? t("profile.publishedBy", { publisher, date }) : publisher}</span>
              </li>
            );
          })}
        </ul>
      </section>

      {open.length > 0 && (
        <section aria-labelledby="act">
          <h2 id="act">{t("profile.takeAction")}</h2>
          <ul className="links">
            {open.map(({ petition }) => (
              <li key={petition.id}>
                <a href={`/${locale}/petitions/${petition.slug}`}>{pick(petition.title, locale)}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SubscribeFormView campaignSlug={data.campaign.slug} locale={locale} />
    </article>
  );
}
