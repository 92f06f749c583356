import type { z } from "zod";
import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { insertTimelineEvent } from "@/db/queries/campaign-admin";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import type { timelineEventSchema } from "@/lib/validation/organizers";

export async function addTimelineEvent(db: Db, actor: Actor | null, input: z.infer<typeof timelineEventSchema>) {
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    const row = await insertTimelineEvent(tx, { ...input, campaignId: campaign.id });
    await insertAuditEntry(tx, { actorId: a.userId, action: "timeline.add", entityType: "timeline_event", entityId: row.id, campaignId: campaign.id });
    return row;
  });
}
