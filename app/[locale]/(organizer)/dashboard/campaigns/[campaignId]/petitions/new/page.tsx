import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import { ActionForm } from "../../../../../_components/action-form";
import { loadOrRefuse } from "../../../../../_components/guard";
import { petitionFields } from "../../../../../_components/petition-fields";
import { formStrings } from "../../../../../_components/strings";
import { createPetitionAction } from "../../../../actions";

type Props = { params: Promise<{ locale: Locale; campaignId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("petition.newTitle") };
}

export default async function NewPetitionPage({ params }: Props) {
  const { locale, campaignId } = await params;
  setRequestLocale(locale);
  await connection();
  const { campaign } = await loadOrRefuse(locale, `/dashboard/campaigns/${campaignId}/petitions/new`, async () =>
    authorizeCampaign(await getDb(), await currentActor(), campaignId),
  );
  const t = await getTranslations("dashboard");
  return (
    <>
      <p>
        <Link href={`/dashboard/campaigns/${campaign.id}`}>← {pick(campaign.name, locale) || campaign.slug}</Link>
      </p>
      <h1>{t("petition.newTitle")}</h1>
      <p className="lead">{t("petition.newIntro")}</p>
      <ActionForm
        id="petition-new"
        action={createPetitionAction}
        initial={{ campaignId: campaign.id, goal: "1000" }}
        fields={await petitionFields([{ kind: "hidden", name: "campaignId", value: campaign.id }])}
        strings={{ ...(await formStrings()), submit: t("petition.create") }}
      />
    </>
  );
}
