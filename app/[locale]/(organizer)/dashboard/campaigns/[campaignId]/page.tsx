import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { getCampaignEditor } from "@/lib/campaigns/get-campaign-editor";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { ActionButton } from "../../../_components/action-button";
import { ActionForm } from "../../../_components/action-form";
import { loadOrRefuse } from "../../../_components/guard";
import { Notice } from "../../../_components/notice";
import { formStrings, localizedLabels } from "../../../_components/strings";
import { approveCampaignAction, refuseCampaignAction, submitCampaignAction, unpublishCampaignAction, updateCampaignAction } from "../../actions";
import { TableWrap } from "../../../_components/table-wrap";
import { CampaignRallies } from "./rallies-section";
import { CampaignUpdates } from "./updates-section";

type Props = { params: Promise<{ locale: Locale; campaignId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("campaign.title") };
}

export default async function CampaignPage({ params, searchParams }: Props) {
  const { locale, campaignId } = await params;
  setRequestLocale(locale);
  await connection();
  const { notice } = await searchParams;
  const { campaign, petitions } = await loadOrRefuse(locale, `/dashboard/campaigns/${campaignId}`, async () =>
    getCampaignEditor(await getDb(), await currentActor(), campaignId),
  );
  const t = await getTranslations("dashboard");
  const actor = await currentActor();
  const isAdmin = actor?.role === "admin";
  const hidden = { campaignId: campaign.id, version: campaign.version };
  const nameLabels = localizedLabels({ name: t("fields.campaignName") }, (await formStrings()).languages);
  return (
    <>
      <p className="badge">{t(`campaignState.${campaign.state}`)}</p>
      <h1>{pick(campaign.name, locale) || campaign.slug}</h1>
      <Notice value={notice} />
      <p className="links-row">
        <Link className="button" href={`/dashboard/campaigns/${campaign.id}/profile`}>
          {t("campaign.editProfile")}
        </Link>{" "}
        <Link className="button" href={`/dashboard/campaigns/${campaign.id}/petitions/new`}>
          {t("campaign.newPetition")}
        </Link>
      </p>

      <section aria-labelledby="petitions">
        <h2 id="petitions">{t("campaign.petitions")}</h2>
        {petitions.length === 0 ? (
          <p>{t("campaign.noPetitions")}</p>
        ) : (
          <TableWrap label={t("campaign.petitions")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("campaign.petitionTitle")}</th>
                  <th scope="col">{t("campaign.petitionState")}</th>
                  <th scope="col">{t("campaign.petitionCount")}</th>
                </tr>
              </thead>
              <tbody>
                {petitions.map(({ petition, count }) => (
                  <tr key={petition.id}>
                    <td>
                      <Link href={`/dashboard/petitions/${petition.id}`}>{pick(petition.title, locale) || petition.slug}</Link>
                    </td>
                    <td>{t(`petitionState.${petition.state}`)}</td>
                    <td>{count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <CampaignRallies campaignId={campaign.id} locale={locale} />

      <CampaignUpdates campaignId={campaign.id} locale={locale} />

      <section aria-labelledby="visibility">
        <h2 id="visibility">{t("campaign.visibility")}</h2>
        <p>{t(`campaign.stateHelp.${campaign.state}`)}</p>
        {campaign.state === "draft" && campaign.reviewNote && (
          <div className="notice notice-error">
            <p>
              <strong>{t("campaign.refusedHeading")}</strong>
            </p>
            <p>{campaign.reviewNote}</p>
          </div>
        )}
        {campaign.state === "draft" &&
          (isAdmin ? (
            <ActionButton action={approveCampaignAction} hidden={hidden} label={t("campaign.publish")} pending={t("form.saving")} fieldLabels={nameLabels} />
          ) : (
            <ActionButton action={submitCampaignAction} hidden={hidden} label={t("campaign.submit")} pending={t("form.saving")} fieldLabels={nameLabels} />
          ))}
        {campaign.state === "pending_review" && isAdmin && (
          <>
            <ActionButton action={approveCampaignAction} hidden={hidden} label={t("campaign.approve")} pending={t("form.saving")} fieldLabels={nameLabels} />
            <h3>{t("campaign.refuseHeading")}</h3>
            <ActionForm
              id="campaign-refuse"
              action={refuseCampaignAction}
              initial={hidden}
              fields={[
                { kind: "hidden", name: "campaignId", value: campaign.id },
                { kind: "hidden", name: "version", value: String(campaign.version) },
                { kind: "textarea", name: "reason", label: t("fields.refuseReason"), hint: t("fields.refuseReasonHint"), rows: 3, maxLength: 1000 },
              ]}
              strings={{ ...(await formStrings()), submit: t("campaign.refuse") }}
              primary={false}
            />
          </>
        )}
        {campaign.state === "published" && (
          <ActionButton action={unpublishCampaignAction} hidden={hidden} label={t("campaign.unpublish")} pending={t("form.saving")} danger />
        )}
      </section>

      <section aria-labelledby="settings">
        <h2 id="settings">{t("campaign.settings")}</h2>
        <p className="muted">{t("campaign.slug", { slug: campaign.slug })}</p>
        <ActionForm
          id="campaign-edit"
          action={updateCampaignAction}
          initial={{ ...hidden, name: campaign.name, tagline: campaign.tagline }}
          fields={[
            { kind: "hidden", name: "campaignId", value: campaign.id },
            { kind: "hidden", name: "version", value: String(campaign.version) },
            { kind: "localized", name: "name", label: t("fields.campaignName"), maxLength: 120 },
            { kind: "localized", name: "tagline", label: t("fields.tagline"), maxLength: 200 },
          ]}
          strings={await formStrings()}
        />
      </section>
    </>
  );
}
