import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { calendarDate, precisionFormat } from "@/app/_components/dates";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { getProfileEditor } from "@/lib/campaigns/get-campaign-editor";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { paragraphs, pick } from "@/lib/i18n/localized";
import { loadOrRefuse } from "../../../../../_components/guard";

type Props = { params: Promise<{ locale: Locale; campaignId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("profile.previewTitle") };
}

/** The profile as the public will read it in this language (switch language above to check the others). */
export default async function ProfilePreviewPage({ params }: Props) {
  const { locale, campaignId } = await params;
  setRequestLocale(locale);
  await connection();
  const { campaign, profile, timeline, sources } = await loadOrRefuse(locale, `/dashboard/campaigns/${campaignId}/profile/preview`, async () =>
    getProfileEditor(await getDb(), await currentActor(), campaignId),
  );
  const t = await getTranslations("dashboard");
  const p = await getTranslations("profile");
  const format = await getFormatter();
  const facts = [
    [p("role"), pick(profile.role, locale)],
    [p("born"), profile.dateOfBirth ? format.dateTime(calendarDate(profile.dateOfBirth), { ...precisionFormat.day, timeZone: "UTC" }) : ""],
    [p("residence"), pick(profile.residence, locale)],
    [p("article"), pick(profile.article, locale)],
    [p("nationality"), pick(profile.nationality, locale)],
    [p("citizenship"), pick(profile.citizenship, locale)],
    [p("education"), pick(profile.education, locale)],
  ].filter(([, v]) => v);
  return (
    <>
      <p className="notice" role="note">
        {t("profile.previewNotice")} <Link href={`/dashboard/campaigns/${campaign.id}/profile`}>{t("profile.backToEditor")}</Link>
      </p>
      <article>
        <h1>{pick(profile.name, locale)}</h1>
        {profile.portraitPath && <img src={profile.portraitPath} alt={pick(profile.name, locale)} className="portrait-preview" width={240} />}
        <p className="lead">{pick(profile.summary, locale)}</p>
        <h2>{p("facts")}</h2>
        <dl className="facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <h2>{p("biography")}</h2>
        {paragraphs(pick(profile.biography, locale)).map((x, i) => (
          <p key={i}>{x}</p>
        ))}
        <h2>{p("health")}</h2>
        {paragraphs(pick(profile.health, locale)).map((x, i) => (
          <p key={i}>{x}</p>
        ))}
        <h2>{p("timeline")}</h2>
        <ol className="timeline">
          {timeline.map((e) => (
            <li key={e.id}>
              <time dateTime={e.occurredOn}>{format.dateTime(calendarDate(e.occurredOn), { ...precisionFormat[e.precision], timeZone: "UTC" })}</time>
              <p>{pick(e.title, locale)}</p>
              {pick(e.body, locale) && <p className="muted">{pick(e.body, locale)}</p>}
            </li>
          ))}
        </ol>
        <h2>{p("sources")}</h2>
        <ul className="sources">
          {sources.map((s) => (
            <li key={s.id}>
              {s.url ? <a href={s.url}>{pick(s.title, locale)}</a> : pick(s.title, locale)} — {pick(s.publisher, locale)}
            </li>
          ))}
        </ul>
      </article>
    </>
  );
}
