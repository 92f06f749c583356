import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { deleteTimelineEvent } from "@/db/queries/campaign-admin";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";

/** Deletes an event of the actor's campaign; an event of another campaign is `not_found`. */
export async function removeTimelineEvent(db: Db, actor: Actor | null, input: { campaignId: string; id: string }) {
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    if (!(await deleteTimelineEvent(tx, campaign.id, input.id))) throw new AppError("not_found");
    await insertAuditEntry(tx, { actorId: a.userId, action: "timeline.remove", entityType: "timeline_event", entityId: input.id, campaignId: campaign.id });
  });
}
