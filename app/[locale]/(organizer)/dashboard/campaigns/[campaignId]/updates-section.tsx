import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { type Locale, timeZone } from "@/lib/i18n/locales";
import { textFor } from "@/lib/updates/content";
import { getCampaignUpdates } from "@/lib/updates/get-update-editor";
import { TableWrap } from "../../../_components/table-wrap";

/** The campaign page's updates to subscribers: each with its state, a link to write one, and the weekly cap. */
export async function CampaignUpdates({ campaignId, locale }: { campaignId: string; locale: Locale }) {
  const { campaign, updates, nextAllowedAt } = await getCampaignUpdates(await getDb(), await currentActor(), campaignId);
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone }) : "—");
  return (
    <section aria-labelledby="updates">
      <h2 id="updates">{t("update.heading")}</h2>
      <p className="muted" data-testid="next-update-allowed">
        {nextAllowedAt ? t("update.nextAllowedAt", { when: when(nextAllowedAt), limit: env().UPDATES_PER_WEEK }) : t("update.nextAllowedNow", { limit: env().UPDATES_PER_WEEK })}
      </p>
      <p>
        <Link className="button" href={`/dashboard/campaigns/${campaign.id}/updates/new`}>
          {t("update.new")}
        </Link>
      </p>
      {updates.length === 0 ? (
        <p>{t("update.none")}</p>
      ) : (
        <TableWrap label={t("update.heading")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("update.columns.title")}</th>
                <th scope="col">{t("update.columns.state")}</th>
                <th scope="col">{t("update.columns.when")}</th>
              </tr>
            </thead>
            <tbody>
              {updates.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link href={`/dashboard/updates/${u.id}`}>{textFor(u, locale).title || t("update.untitled")}</Link>
                  </td>
                  <td>{t(`updateState.${u.state}`)}</td>
                  <td>{when(u.sentAt ?? u.startedAt ?? u.scheduledAt ?? u.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
