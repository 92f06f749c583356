import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { updateCampaignAtVersion } from "@/db/queries/campaign-admin";
import { AppError } from "@/lib/errors";
import type { Localized } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";

export async function updateCampaign(
  db: Db,
  actor: Actor | null,
  input: { campaignId: string; version: number; name: Localized; tagline: Localized },
) {
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    const row = await updateCampaignAtVersion(tx, campaign.id, input.version, { name: input.name, tagline: input.tagline });
    if (!row) throw new AppError("conflict", { form: "version_conflict" });
    await insertAuditEntry(tx, { actorId: a.userId, action: "campaign.update", entityType: "campaign", entityId: campaign.id, campaignId: campaign.id });
    return row;
  });
}
