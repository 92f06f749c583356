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
import { listPublicSigners, publicSignersPageSize } from "@/lib/signatures/list-public-signers";
import { pageNumberSchema } from "@/lib/validation/organizers";
import { slugSchema } from "@/lib/validation/petitions";

type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

const load = cache(async (slug: string, page: number) => {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  await connection();
  const db = await getDb();
  const row = await findVisiblePetitionBySlug(db, parsed.data);
  if (!row) return null;
  return { ...row, list: await listPublicSigners(db, row.petition.id, { page }) };
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const data = await load(slug, pageNumberSchema.parse((await searchParams).page));
  if (!data) return {};
  return { title: translator(locale)("petitions.signers.title", { title: pick(data.petition.title, locale) }), robots: { index: false } };
}

/** Every name signers let be shown, newest first, a page at a time. The same page for every visitor. */
export default async function SignersPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const page = pageNumberSchema.parse((await searchParams).page);
  const data = await load(slug, page);
  if (!data || page > data.list.pages) notFound();
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
      <SignerList signers={list.signers} locale={locale} start={(page - 1) * publicSignersPageSize + 1} />
      {list.pages > 1 && (
        <nav aria-label={t("petitions.signers.pages")} className="pager">
          <p className="muted">{t("petitions.signers.pageOf", { page, pages: list.pages })}</p>
          <ul className="links">
            {page > 1 && (
              <li>
                <a href={`${base}/signers?page=${page - 1}`} rel="prev">
                  {t("petitions.signers.newer")}
                </a>
              </li>
            )}
            {page < list.pages && (
              <li>
                <a href={`${base}/signers?page=${page + 1}`} rel="next">
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
