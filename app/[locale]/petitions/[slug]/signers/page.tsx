import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { SignerList } from "@/app/_components/signer-list";
import { getDb } from "@/db";
import { findVisiblePetitionBySlug } from "@/db/queries/petitions";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { type SignersPageStart, listPublicSigners } from "@/lib/signatures/list-public-signers";
import { signersPageSchema, slugSchema } from "@/lib/validation/petitions";

type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (slug: string, older: string | undefined, newer: string | undefined) => {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  await connection();
  const db = await getDb();
  const row = await findVisiblePetitionBySlug(db, parsed.data);
  if (!row) return null;
  const list = await listPublicSigners(db, row.petition.id, { older, newer });
  // A page from a name no longer listed (hidden or withdrawn since), or past the end: not found, like any bad link.
  if (list.fromCursor && list.signers.length === 0) return null;
  return { ...row, list };
});

/** The page's start from its query: `older` / `newer` (a listed name's id), at most one; anything else is no page. */
async function startOf(searchParams: Props["searchParams"]): Promise<SignersPageStart | null> {
  const parsed = signersPageSchema.safeParse(await searchParams);
  return parsed.success ? parsed.data : null;
}

async function loadFrom(slug: string, start: SignersPageStart | null) {
  return start ? load(slug, start.older, start.newer) : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const data = await loadFrom(slug, await startOf(searchParams));
  if (!data) return {};
  return { title: translator(locale)("petitions.signers.title", { title: pick(data.petition.title, locale) }), robots: { index: false } };
}

/** Every name signers let be shown, newest first, a page at a time. The same page for every visitor. */
export default async function SignersPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const data = await loadFrom(slug, await startOf(searchParams));
  if (!data) notFound();
  const { petition, list } = data;
  const t = translator(locale);
  const base = `/${locale}/petitions/${petition.slug}`;
  return (
    <>
      <p>
        <a href={base}>
          ← {pick(petition.title, locale)}
        </a>
      </p>
      <h1>{t("petitions.signers.heading")}</h1>
      <p>{t("petitions.signers.summary", { total: list.total })}</p>
      <SignerList signers={list.signers} locale={locale} />
      {(list.newerThan || list.olderThan || list.fromCursor) && (
        <nav aria-label={t("petitions.signers.pages")} className="pager">
          <ul className="links">
            {list.fromCursor && (
              <li>
                <a href={`${base}/signers`}>{t("petitions.signers.newest")}</a>
              </li>
            )}
            {list.newerThan && (
              <li>
                <a href={`${base}/signers?newer=${list.newerThan}`} rel="prev">
                  {t("petitions.signers.newer")}
                </a>
              </li>
            )}
            {list.olderThan && (
              <li>
                <a href={`${base}/signers?older=${list.olderThan}`} rel="next">
                  {t("petitions.signers.older")}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
      <p>
        <a href={base}>
          {t("petitions.signers.back")}
        </a>
      </p>
    </>
  );
}
