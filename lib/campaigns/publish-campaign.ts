import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { updateCampaignAtVersion } from "@/db/queries/campaign-admin";
import { AppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";

/** Makes a draft campaign public. Its name must exist in every language. */
export async function publishCampaign(db: Db, actor: Actor | null, input: { campaignId: string; version: number }) {
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    if (campaign.state !== "draft") throw new AppError("illegal_transition", { form: "illegal_publish" });
    const missing = Object.fromEntries(locales.filter((l) => !campaign.name[l].trim()).map((l) => [`name.${l}`, "translation_missing"]));
    if (Object.keys(missing).length) throw new AppError("invalid_input", missing);
    const row = await updateCampaignAtVersion(tx, campaign.id, input.version, { state: "published" });
    if (!row) throw new AppError("conflict", { form: "version_conflict" });
    await insertAuditEntry(tx, { actorId: a.userId, action: "campaign.publish", entityType: "campaign", entityId: campaign.id, campaignId: campaign.id });
    return row;
  });
}
