import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db";
import { findVisibleRallyBySlug } from "@/db/queries/rallies";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { formatRallyWhen } from "@/lib/rallies/format-when";
import { rallyCalendarPath } from "@/lib/rallies/ics";
import { slugSchema } from "@/lib/validation/petitions";

type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const statuses = ["confirmed", "waitlisted", "full", "already"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: translator(locale)("rsvpConfirmed.title.confirmed"), robots: { index: false } };
}

/** Where the confirmation POST lands: a place, a waitlist place (the position is only in the email), or full. */
export default async function RsvpConfirmedPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const { status: raw } = await searchParams;
  const status = statuses.find((s) => s === raw) ?? "confirmed";
  const parsed = slugSchema.safeParse(slug);
  const row = parsed.success ? await findVisibleRallyBySlug(await getDb(), parsed.data) : null;
  if (!row) notFound();
  const t = translator(locale);
  const title = pick(row.rally.title, locale);
  return (
    <>
      <h1>{t(`rsvpConfirmed.title.${status}`)}</h1>
      <div className={status === "full" ? "notice notice-error" : "notice notice-ok"} role="status">
        <p>{t(`rsvpConfirmed.body.${status}`, { title, when: formatRallyWhen(locale, row.rally) })}</p>
      </div>
      {status !== "full" && (
        <p>
          <a href={rallyCalendarPath(row.rally.slug, locale)} download={`${row.rally.slug}.ics`}>
            {t("rallies.addToCalendar")}
          </a>
        </p>
      )}
      <p>
        <Link href={`/${locale}/rallies/${row.rally.slug}`} prefetch={false}>
          {t("rsvpCheckEmail.back")}
        </Link>
      </p>
    </>
  );
}
