import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { PetitionProgress } from "@/app/_components/petition-progress";
import { emptyValues, SignFormView } from "@/app/_components/sign-form-view";
import { SignerList } from "@/app/_components/signer-list";
import { SubscribeFormView } from "@/app/_components/subscribe-form-view";
import { signFormAction, signFormLimits, signFormStrings } from "@/app/_components/sign-error-page";
import { getDb } from "@/db";
import { findVisiblePetitionBySlug } from "@/db/queries/petitions";
import { datePhrase } from "@/lib/i18n/date-phrases";
import type { Locale } from "@/lib/i18n/locales";
import { paragraphs, pick, pickedLocale } from "@/lib/i18n/localized";
import { formatter, translator } from "@/lib/i18n/translator";
import { isOpenForSigning, lateConfirmationsUntil, publicState } from "@/lib/petitions/state";
import { listPublicSigners } from "@/lib/signatures/list-public-signers";
import { slugSchema } from "@/lib/validation/petitions";
import { publicMetadata } from "@/app/_components/public-metadata";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

/** How many of the newest names the petition page shows; the rest are on its signers page. */
const namesOnPage = 10;

const load = cache(async (slug: string) => {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  await connection();
  const db = await getDb();
  const row = await findVisiblePetitionBySlug(db, parsed.data);
  if (!row) return null;
  return { ...row, signers: await listPublicSigners(db, row.petition.id, { pageSize: namesOnPage }) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const row = await load(slug);
  if (!row) return {};
  const title = pick(row.petition.title, locale);
  const description = pick(row.petition.summary, locale);
  return publicMetadata(locale, `/petitions/${row.petition.slug}`, { title, description, type: "article" });
}

export default async function PetitionPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const row = await load(slug);
  if (!row) notFound();
  const { petition, count, signers, campaignSlug } = row;
  const t = translator(locale);
  const open = isOpenForSigning(petition);
  const lateUntil = lateConfirmationsUntil(petition);
  const body = paragraphs(pick(petition.body, locale));
  return (
    <article className="petition">
      <p className="badge">{t(`petitions.state.${publicState(petition)}`)}</p>
      <h1>{pick(petition.title, locale)}</h1>
      <p className="target">{t("petitions.to", { target: pick(petition.target, locale) })}</p>
      <PetitionProgress count={count} goal={petition.goal} locale={locale} final={!open} />
      {open ? (
        // The form comes first, within the first screen of a phone; the text follows it.
        <section aria-labelledby="sign" className="sign-panel" id="sign-form">
          <h2 id="sign">{t("petitions.signHeading")}</h2>
          <p className="muted">
            {petition.deadline && <>{t("petitions.deadline", { date: datePhrase(locale, petition.deadline, { case: "dative" }) })} · </>}
            <a href="#text">{t("petitions.readFirst")}</a>
          </p>
          <SignFormView
            action={signFormAction(petition.slug, locale)}
            locale={locale}
            values={emptyValues}
            errors={{}}
            limits={signFormLimits}
            strings={signFormStrings(locale, pick(petition.target, locale))}
          />
        </section>
      ) : (
        <section aria-labelledby="closed" className="sign-panel" id="sign-form">
          <h2 id="closed">{t(petition.state === "delivered" ? "petitions.deliveredHeading" : "petitions.closedHeading")}</h2>
          <p role="status">{t("petitions.closedNotice", { count })}</p>
          {lateUntil && <p>{t("petitions.lateConfirmations", { date: formatter(locale).dateTime(lateUntil, { dateStyle: "long", timeStyle: "short" }) })}</p>}
          {petition.state === "delivered" && <p>{t("petitions.deliveredNotice")}</p>}
          {petition.state === "delivered" &&
            paragraphs(pick(petition.deliveryNote, locale)).map((p, i) => (
              <p key={`delivery-${i}`} lang={petition.deliveryNote ? pickedLocale(petition.deliveryNote, locale) : undefined}>
                {p}
              </p>
            ))}
        </section>
      )}
      <section aria-labelledby="text" className="petition-text">
        <h2 id="text">{t("petitions.textHeading")}</h2>
        <p className="lead">{pick(petition.summary, locale)}</p>
        <div className="petition-body">
          {body.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      </section>
      <section aria-labelledby="signers" className="signers">
        <h2 id="signers">{t("petitions.signers.heading")}</h2>
        <p>{t("petitions.signers.summary", { total: signers.total })}</p>
        {signers.signers.length > 0 && <SignerList signers={signers.signers} locale={locale} />}
        {signers.total > signers.signers.length && (
          <p>
            <a href={`/${locale}/petitions/${petition.slug}/signers`}>
              {t("petitions.signers.seeAll", { total: signers.total })}
            </a>
          </p>
        )}
      </section>
      <SubscribeFormView campaignSlug={campaignSlug} locale={locale} />
    </article>
  );
}
