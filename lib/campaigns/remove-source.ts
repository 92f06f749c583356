import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { deleteSource } from "@/db/queries/campaign-admin";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";

export async function removeSource(db: Db, actor: Actor | null, input: { campaignId: string; id: string }) {
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    if (!(await deleteSource(tx, campaign.id, input.id))) throw new AppError("not_found");
    await insertAuditEntry(tx, { actorId: a.userId, action: "source.remove", entityType: "source", entityId: input.id, campaignId: campaign.id });
  });
}
