import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { YourLocalTime } from "@/app/_components/rallies/local-time";
import { RsvpFormView } from "@/app/_components/rallies/rsvp-form-view";
import { rsvpFormStrings } from "@/app/_components/rallies/rsvp-strings";
import { getDb } from "@/db";
import { countConfirmed, countPlacesTaken, findVisibleRallyBySlug, latestChange } from "@/db/queries/rallies";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { paragraphs, pick } from "@/lib/i18n/localized";
import { formatter, translator } from "@/lib/i18n/translator";
import { formatRallyWhen } from "@/lib/rallies/format-when";
import { feedUrls, rallyCalendarPath } from "@/lib/rallies/ics";
import { acceptsRsvps } from "@/lib/rallies/state";
import { slugSchema } from "@/lib/validation/petitions";
import { publicMetadata } from "@/app/_components/public-metadata";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

const load = cache(async (slug: string) => {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  await connection();
  const db = await getDb();
  const row = await findVisibleRallyBySlug(db, parsed.data);
  if (!row) return null;
  const [change, taken] = await Promise.all([latestChange(db, row.rally.id), countPlacesTaken(db, row.rally.id)]);
  return { ...row, change, taken };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const row = await load(slug);
  if (!row) return {};
  const title = pick(row.rally.title, locale);
  const description = `${formatRallyWhen(locale, row.rally)} · ${pick(row.rally.address, locale)}`;
  return publicMetadata(locale, `/rallies/${row.rally.slug}`, { title, description, type: "article" });
}

/** A rally: time in its zone, place, permit status, notes, and the RSVP form (a plain form: works without JavaScript). */
export default async function RallyPage({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const row = await load(slug);
  if (!row) notFound();
  const { rally, change, taken, campaignSlug } = row;
  const t = translator(locale);
  const format = formatter(locale);
  const open = acceptsRsvps(rally);
  const full = rally.capacity !== null && taken >= rally.capacity;
  const dateOf = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short", timeZone: rally.timeZone });
  const feed = feedUrls(campaignSlug, locale);
  const note = (label: string, text: string) =>
    text ? (
      <div>
        <dt>{label}</dt>
        <dd>
          {paragraphs(text).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </dd>
      </div>
    ) : null;

  return (
    <article className="rally">
      <p className="badge">{t(`rallies.state.${rally.state}`)}</p>
      <h1>{pick(rally.title, locale)}</h1>

      {rally.state === "cancelled" && (
        <div className="notice notice-error" role="status" data-testid="rally-banner">
          <p>
            <strong>{t("rallies.cancelledBanner", { date: dateOf(rally.cancelledAt ?? rally.updatedAt) })}</strong>
          </p>
          {paragraphs(pick(rally.cancelNote, locale)).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      {rally.state === "changed" && change && (
        <div className="notice" role="status" data-testid="rally-banner">
          <p>
            <strong>
              {t("rallies.changedBanner", {
                date: dateOf(change.updatedAt),
                what: change.fields.map((f) => t(`rallies.changedField.${f as "time" | "place"}`)).join(", "),
              })}
            </strong>
          </p>
          {paragraphs(pick(change.message, locale)).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      {rally.state === "held" && (
        <div className="notice notice-ok" role="status">
          <p>
            <strong>{t("rallies.heldBanner")}</strong>
          </p>
          {paragraphs(pick(rally.report, locale)).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}

      <dl className="facts">
        <div>
          <dt>{t("rallies.when")}</dt>
          <dd>
            <time dateTime={rally.startsAt.toISOString()} data-testid="rally-when">
              {formatRallyWhen(locale, rally)}
            </time>
            <YourLocalTime startsAt={rally.startsAt.toISOString()} endsAt={rally.endsAt.toISOString()} timeZone={rally.timeZone} label={t("rallies.yourTime")} locale={locale} />
          </dd>
        </div>
        <div>
          <dt>{t("rallies.where")}</dt>
          <dd>
            <p data-testid="rally-where">{pick(rally.address, locale)}</p>
            {rally.latitude !== null && rally.longitude !== null && (
              <p className="muted">{t("rallies.coordinates", { lat: rally.latitude.toFixed(5), lon: rally.longitude.toFixed(5) })}</p>
            )}
            {rally.mapUrl && (
              <p>
                <a href={rally.mapUrl} rel="noopener noreferrer nofollow">
                  {t("rallies.map")}
                </a>
              </p>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("rallies.permit")}</dt>
          <dd>
            <p>
              {t(`rallies.permitStatus.${rally.permitStatus}`)}
              {rally.permitDate && ` · ${format.dateTime(new Date(`${rally.permitDate}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" })}`}
            </p>
            {paragraphs(pick(rally.permitNote, locale)).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            <p className="hint">{t("rallies.permitExplained")}</p>
          </dd>
        </div>
        {note(t("rallies.safety"), pick(rally.safetyNote, locale))}
        {note(t("rallies.accessibility"), pick(rally.accessibilityNote, locale))}
        {rally.showAttendeeCount && (
          <div>
            <dt>{t("rallies.attendees")}</dt>
            <dd data-testid="attendee-count">{t("rallies.attendeeCount", { count: await countConfirmed(await getDb(), rally.id) })}</dd>
          </div>
        )}
      </dl>

      <div className="petition-body">
        {paragraphs(pick(rally.description, locale)).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>

      <p>
        <a href={rallyCalendarPath(rally.slug, locale)} download={`${rally.slug}.ics`}>
          {t("rallies.addToCalendar")}
        </a>
        {" · "}
        <a href={feed.webcal}>{t("rallies.subscribe")}</a>
      </p>

      <section aria-labelledby="rsvp" className="sign-panel" id="rsvp-form">
        <h2 id="rsvp">{t("rallies.rsvpHeading")}</h2>
        {!open ? (
          <p role="status">{t(rally.state === "cancelled" ? "rallies.rsvpCancelled" : "rallies.rsvpClosed")}</p>
        ) : full && !rally.waitlist ? (
          <p role="status">{t("rallies.full")}</p>
        ) : (
          <>
            {full && <p className="notice">{t("rallies.waitlistNotice")}</p>}
            <RsvpFormView action={`/api/v1/rallies/${rally.slug}/rsvps`} locale={locale} values={{ name: "", email: "", updates: false }} errors={{}} strings={rsvpFormStrings(locale)} />
          </>
        )}
      </section>
      <p>
        <a href={`/${locale}/rallies`}>
          {t("rallies.all")}
        </a>
      </p>
    </article>
  );
}
