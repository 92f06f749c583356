import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { getCampaignRallies } from "@/lib/rallies/get-rally-editor";
import { TableWrap } from "../../../_components/table-wrap";

/** The campaign page's rallies: each with its state and start, and a link to create one. */
export async function CampaignRallies({ campaignId, locale }: { campaignId: string; locale: Locale }) {
  const { campaign, rallies } = await getCampaignRallies(await getDb(), await currentActor(), campaignId);
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  return (
    <section aria-labelledby="rallies">
      <h2 id="rallies">{t("rally.heading")}</h2>
      <p>
        <Link className="button" href={`/dashboard/campaigns/${campaign.id}/rallies/new`}>
          {t("rally.new")}
        </Link>
      </p>
      {rallies.length === 0 ? (
        <p>{t("rally.none")}</p>
      ) : (
        <TableWrap label={t("rally.heading")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("rally.columns.title")}</th>
                <th scope="col">{t("rally.columns.state")}</th>
                <th scope="col">{t("rally.columns.startsAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rallies.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/dashboard/rallies/${r.id}`}>{pick(r.title, locale) || r.slug}</Link>
                  </td>
                  <td>{t(`rallyState.${r.state}`)}</td>
                  <td>{format.dateTime(r.startsAt, { dateStyle: "medium", timeStyle: "short", timeZone: r.timeZone })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
