import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { updateCampaignAtVersion } from "@/db/queries/campaign-admin";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";

/** Takes a campaign off the public site (for example when it puts someone at risk). */
export async function unpublishCampaign(db: Db, actor: Actor | null, input: { campaignId: string; version: number }) {
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    if (campaign.state !== "published") throw new AppError("illegal_transition", { form: "illegal_unpublish" });
    const row = await updateCampaignAtVersion(tx, campaign.id, input.version, { state: "draft" });
    if (!row) throw new AppError("conflict", { form: "version_conflict" });
    await insertAuditEntry(tx, { actorId: a.userId, action: "campaign.unpublish", entityType: "campaign", entityId: campaign.id, campaignId: campaign.id });
    return row;
  });
}
