import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { MarkdownBlocks } from "@/emails/components/markdown";
import { getDb } from "@/db";
import { findPublicUpdate } from "@/db/queries/updates";
import { type Locale, isLocale, localeAlternates } from "@/lib/i18n/locales";
import { formatter, translator } from "@/lib/i18n/translator";
import { textFor } from "@/lib/updates/content";
import { excerpt, feedPath } from "@/lib/updates/public";

type Props = { params: Promise<{ locale: Locale; updateId: string }> };

async function load(id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  return findPublicUpdate(await getDb(), id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, updateId } = await params;
  const u = isLocale(locale) ? await load(updateId) : null;
  if (!u) return {};
  const text = textFor(u, locale);
  return {
    title: text.title,
    description: excerpt(text.blocks),
    alternates: { languages: localeAlternates(`/updates/${u.id}`), types: { "application/atom+xml": feedPath(locale) } },
  };
}

/** One sent update, in the reader's language or the update's own default. Cached like every public page. */
export default async function UpdatePage({ params }: Props) {
  const { locale, updateId } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const u = await load(updateId);
  if (!u) notFound();
  const t = translator(locale);
  const text = textFor(u, locale);
  return (
    <>
      <p>
        <a href={`/${locale}/updates`}>← {t("updates.title")}</a>
      </p>
      <article lang={text.locale === locale ? undefined : text.locale}>
        <h1>{text.title}</h1>
        <p className="muted">
          <time dateTime={u.sentAt.toISOString()}>{formatter(locale).dateTime(u.sentAt, { dateStyle: "long" })}</time>
        </p>
        <div className="update-body">
          <MarkdownBlocks blocks={text.blocks} />
        </div>
      </article>
    </>
  );
}
