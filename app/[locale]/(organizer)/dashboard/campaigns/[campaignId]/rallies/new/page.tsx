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
import { rallyFields } from "../../../../../_components/rally-fields";
import { formStrings } from "../../../../../_components/strings";
import { createRallyAction } from "../../../../rally-actions";

type Props = { params: Promise<{ locale: Locale; campaignId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("rally.newTitle") };
}

export default async function NewRallyPage({ params }: Props) {
  const { locale, campaignId } = await params;
  setRequestLocale(locale);
  await connection();
  const { campaign } = await loadOrRefuse(locale, `/dashboard/campaigns/${campaignId}/rallies/new`, async () => authorizeCampaign(await getDb(), await currentActor(), campaignId));
  const t = await getTranslations("dashboard");
  return (
    <>
      <p>
        <Link href={`/dashboard/campaigns/${campaign.id}`}>← {pick(campaign.name, locale) || campaign.slug}</Link>
      </p>
      <h1>{t("rally.newTitle")}</h1>
      <p className="lead">{t("rally.newIntro")}</p>
      <ActionForm
        id="rally-new"
        action={createRallyAction}
        initial={{ campaignId: campaign.id, permitStatus: "filed", waitlist: "no", showAttendeeCount: "no" }}
        fields={await rallyFields([{ kind: "hidden", name: "campaignId", value: campaign.id }], { slug: true })}
        strings={{ ...(await formStrings()), submit: t("rally.create") }}
      />
    </>
  );
}
