import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { Link } from "@/lib/i18n/navigation";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import { ActionForm } from "../../../../../_components/action-form";
import { loadOrRefuse } from "../../../../../_components/guard";
import { formStrings } from "../../../../../_components/strings";
import { updateFields } from "../../../../../_components/update-fields";
import { createUpdateAction } from "../../../../update-actions";

type Props = { params: Promise<{ locale: Locale; campaignId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("update.newTitle") };
}

/** Write an update to the campaign's subscribers: saved as a draft, previewed and sent from its own page. */
export default async function NewUpdatePage({ params }: Props) {
  const { locale, campaignId } = await params;
  setRequestLocale(locale);
  await connection();
  const { campaign } = await loadOrRefuse(locale, `/dashboard/campaigns/${campaignId}/updates/new`, async () => authorizeCampaign(await getDb(), await currentActor(), campaignId));
  const t = await getTranslations("dashboard");
  return (
    <>
      <p>
        <Link href={`/dashboard/campaigns/${campaign.id}`}>← {pick(campaign.name, locale) || campaign.slug}</Link>
      </p>
      <h1>{t("update.newTitle")}</h1>
      <p className="lead">{t("update.newIntro")}</p>
      <ActionForm
        id="update-new"
        action={createUpdateAction}
        initial={{ campaignId: campaign.id, defaultLocale }}
        fields={await updateFields([{ kind: "hidden", name: "campaignId", value: campaign.id }])}
        strings={{ ...(await formStrings()), submit: t("update.saveDraft") }}
      />
    </>
  );
}
