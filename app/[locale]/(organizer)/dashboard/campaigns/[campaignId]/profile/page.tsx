import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { calendarDate, precisionFormat } from "@/app/_components/dates";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { maxPortraitBytes } from "@/lib/campaigns/upload-portrait";
import { getProfileEditor } from "@/lib/campaigns/get-campaign-editor";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { ActionButton } from "../../../../_components/action-button";
import { ActionForm, type FieldSpec } from "../../../../_components/action-form";
import { loadOrRefuse } from "../../../../_components/guard";
import { Notice } from "../../../../_components/notice";
import { formStrings } from "../../../../_components/strings";
import { addSourceAction, addTimelineEventAction, removeSourceAction, removeTimelineEventAction, updateProfileAction } from "../../../actions";

type Props = { params: Promise<{ locale: Locale; campaignId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const portraitErrors = ["image_type", "image_too_large", "image_invalid", "required"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("profile.title") };
}

export default async function ProfileEditorPage({ params, searchParams }: Props) {
  const { locale, campaignId } = await params;
  setRequestLocale(locale);
  await connection();
  const query = await searchParams;
  const { campaign, profile, timeline, sources } = await loadOrRefuse(locale, `/dashboard/campaigns/${campaignId}/profile`, async () =>
    getProfileEditor(await getDb(), await currentActor(), campaignId),
  );
  const t = await getTranslations("dashboard");
  const f = await getTranslations("dashboard.fields");
  const format = await getFormatter();
  const strings = await formStrings();
  const portraitError = portraitErrors.find((e) => e === query.portraitError);
  const hiddenCampaign: FieldSpec = { kind: "hidden", name: "campaignId", value: campaign.id };

  return (
    <>
      <p>
        <Link href={`/dashboard/campaigns/${campaign.id}`}>← {pick(campaign.name, locale) || campaign.slug}</Link>
      </p>
      <h1>{t("profile.title")}</h1>
      <Notice value={query.notice} />
      <p>
        <Link className="button" href={`/dashboard/campaigns/${campaign.id}/profile/preview`}>
          {t("profile.preview")}
        </Link>
      </p>

      <section aria-labelledby="facts">
        <h2 id="facts">{t("profile.facts")}</h2>
        <ActionForm
          id="profile"
          action={updateProfileAction}
          initial={{ ...profile, campaignId: campaign.id, dateOfBirth: profile.dateOfBirth ?? "" }}
          fields={[
            hiddenCampaign,
            { kind: "hidden", name: "version", value: String(profile.version) },
            { kind: "localized", name: "name", label: f("personName"), maxLength: 120 },
            { kind: "localized", name: "role", label: f("personRole"), maxLength: 200 },
            { kind: "date", name: "dateOfBirth", label: f("dateOfBirth") },
            { kind: "localized", name: "residence", label: f("residence"), maxLength: 200 },
            { kind: "localized", name: "article", label: f("article"), maxLength: 300 },
            { kind: "localized", name: "nationality", label: f("nationality"), maxLength: 100 },
            { kind: "localized", name: "citizenship", label: f("citizenship"), maxLength: 100 },
            { kind: "localized", name: "education", label: f("education"), maxLength: 300 },
            { kind: "localized", name: "summary", label: f("profileSummary"), hint: f("profileSummaryHint"), rows: 3, maxLength: 1000 },
            { kind: "localized", name: "health", label: f("health"), rows: 4, maxLength: 2000 },
            { kind: "localized", name: "biography", label: f("biography"), hint: f("biographyHint"), rows: 10, maxLength: 20000 },
          ]}
          strings={strings}
        />
      </section>

      <section aria-labelledby="portrait">
        <h2 id="portrait">{t("profile.portrait")}</h2>
        {profile.portraitPath && <img src={profile.portraitPath} alt={t("profile.portraitAlt", { name: pick(profile.name, locale) })} className="portrait-preview" width={200} />}
        {portraitError && (
          <p className="notice notice-error" role="alert" id="portrait-error">
            {t(`errors.${portraitError}`)}
          </p>
        )}
        <form method="post" encType="multipart/form-data" action={`/${locale}/dashboard/campaigns/${campaign.id}/portrait`} className="dashboard-form">
          <div className="field">
            <label htmlFor="portrait-file">{f("portrait")}</label>
            <p className="hint" id="portrait-hint">
              {f("portraitHint", { mb: Math.round(maxPortraitBytes / 1024 / 1024) })}
            </p>
            <input id="portrait-file" name="portrait" type="file" accept="image/jpeg,image/png,image/webp" required aria-describedby={portraitError ? "portrait-hint portrait-error" : "portrait-hint"} aria-invalid={portraitError ? true : undefined} />
          </div>
          <p>
            <button type="submit" className="button">
              {t("profile.upload")}
            </button>
          </p>
        </form>
      </section>

      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("profile.timeline")}</h2>
        {timeline.length === 0 ? (
          <p>{t("profile.noTimeline")}</p>
        ) : (
          <ol className="timeline">
            {timeline.map((e) => (
              <li key={e.id}>
                <time dateTime={e.occurredOn}>{format.dateTime(calendarDate(e.occurredOn), { ...precisionFormat[e.precision], timeZone: "UTC" })}</time>
                <p>{pick(e.title, locale)}</p>
                <ActionButton action={removeTimelineEventAction} hidden={{ campaignId: campaign.id, id: e.id }} label={t("profile.remove")} pending={t("form.saving")} danger />
              </li>
            ))}
          </ol>
        )}
        <h3>{t("profile.addEvent")}</h3>
        <ActionForm
          id="timeline-add"
          action={addTimelineEventAction}
          initial={{ campaignId: campaign.id, precision: "day" }}
          fields={[
            hiddenCampaign,
            { kind: "date", name: "occurredOn", label: f("occurredOn"), required: true },
            {
              kind: "select",
              name: "precision",
              label: f("precision"),
              options: (["day", "month", "year"] as const).map((p) => ({ value: p, label: f(`precisions.${p}`) })),
            },
            { kind: "localized", name: "title", label: f("eventTitle"), maxLength: 200 },
            { kind: "localized", name: "body", label: f("eventBody"), rows: 3, maxLength: 2000 },
          ]}
          strings={{ ...strings, submit: t("profile.add") }}
          primary={false}
        />
      </section>

      <section aria-labelledby="sources">
        <h2 id="sources">{t("profile.sources")}</h2>
        {sources.length === 0 ? (
          <p>{t("profile.noSources")}</p>
        ) : (
          <ul className="sources">
            {sources.map((s) => (
              <li key={s.id}>
                <p>
                  {pick(s.title, locale)} — {pick(s.publisher, locale)}
                  {s.url && (
                    <>
                      {" "}
                      <span className="muted">({s.url})</span>
                    </>
                  )}
                </p>
                <ActionButton action={removeSourceAction} hidden={{ campaignId: campaign.id, id: s.id }} label={t("profile.remove")} pending={t("form.saving")} danger />
              </li>
            ))}
          </ul>
        )}
        <h3>{t("profile.addSource")}</h3>
        <ActionForm
          id="source-add"
          action={addSourceAction}
          initial={{ campaignId: campaign.id }}
          fields={[
            hiddenCampaign,
            { kind: "localized", name: "title", label: f("sourceTitle"), maxLength: 300 },
            { kind: "localized", name: "publisher", label: f("publisher"), maxLength: 200 },
            { kind: "date", name: "publishedOn", label: f("publishedOn") },
            { kind: "url", name: "url", label: f("url"), hint: f("urlHint"), maxLength: 2000 },
          ]}
          strings={{ ...strings, submit: t("profile.add") }}
          primary={false}
        />
      </section>
    </>
  );
}
