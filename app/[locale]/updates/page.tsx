import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db";
import { listPublicUpdates } from "@/db/queries/updates";
import { type Locale, isLocale, localeAlternates } from "@/lib/i18n/locales";
import { formatter, translator } from "@/lib/i18n/translator";
import { textFor } from "@/lib/updates/content";
import { excerpt, feedPath } from "@/lib/updates/public";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = translator(locale);
  return {
    title: t("updates.title"),
    description: t("updates.description"),
    alternates: { languages: localeAlternates("/updates"), types: { "application/atom+xml": feedPath(locale) } },
  };
}

/** Every update sent to subscribers, newest first: the same for every visitor (cached, publicPaths). */
export default async function UpdatesPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const updates = await listPublicUpdates(await getDb());
  const t = translator(locale);
  const format = formatter(locale);
  return (
    <>
      <h1>{t("updates.title")}</h1>
      <p className="lead">{t("updates.description")}</p>
      {updates.length === 0 && <p>{t("updates.none")}</p>}
      <ul className="update-list">
        {updates.map((u) => {
          const text = textFor(u, locale);
          return (
            <li key={u.id} lang={text.locale === locale ? undefined : text.locale}>
              <h2>
                <a href={`/${locale}/updates/${u.id}`}>{text.title}</a>
              </h2>
              <p className="muted">
                <time dateTime={u.sentAt.toISOString()}>{format.dateTime(u.sentAt, { dateStyle: "long" })}</time>
              </p>
              <p className="update-body">{excerpt(text.blocks)}</p>
            </li>
          );
        })}
      </ul>
      <p>
        <a href={feedPath(locale)}>{t("updates.feed")}</a>
      </p>
    </>
  );
}
