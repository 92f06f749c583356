import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { PetitionProgress } from "@/app/_components/petition-progress";
import { emptyValues, SignFormView } from "@/app/_components/sign-form-view";
import { signFormLimits, signFormStrings } from "@/app/_components/sign-error-page";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { paragraphs, pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { getPetitionEditor } from "@/lib/petitions/get-petition-editor";
import { loadOrRefuse } from "../../../../_components/guard";

type Props = { params: Promise<{ locale: Locale; petitionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("petition.previewTitle") };
}

/**
 * A petition as the public will read it in this language, before it is published (its public address is a
 * 404 until then). The form is shown but cannot be sent.
 */
export default async function PetitionPreviewPage({ params }: Props) {
  const { locale, petitionId } = await params;
  setRequestLocale(locale);
  await connection();
  const { petition } = await loadOrRefuse(locale, `/dashboard/petitions/${petitionId}/preview`, async () =>
    getPetitionEditor(await getDb(), await currentActor(), petitionId),
  );
  const t = await getTranslations("dashboard");
  const p = translator(locale);
  const target = pick(petition.target, locale);
  return (
    <>
      <p className="notice" role="note">
        {t("petition.previewNotice")} <Link href={`/dashboard/petitions/${petition.id}`}>{t("profile.backToEditor")}</Link>
      </p>
      <article className="petition">
        <p className="badge">{t(`petitionState.${petition.state}`)}</p>
        <h1>{pick(petition.title, locale)}</h1>
        <p className="target">{p("petitions.to", { target })}</p>
        <PetitionProgress count={0} goal={petition.goal} locale={locale} />
        <section aria-labelledby="sign" className="sign-panel">
          <h2 id="sign">{p("petitions.signHeading")}</h2>
          <fieldset disabled className="preview-form">
            <SignFormView action="#" locale={locale} values={emptyValues} errors={{}} strings={signFormStrings(locale, target)} limits={signFormLimits} />
          </fieldset>
        </section>
        <section aria-labelledby="text">
          <h2 id="text">{p("petitions.textHeading")}</h2>
          <p className="lead">{pick(petition.summary, locale)}</p>
          {paragraphs(pick(petition.body, locale)).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </section>
      </article>
    </>
  );
}
