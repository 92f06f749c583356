import type { z } from "zod";
import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { insertSource } from "@/db/queries/campaign-admin";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import type { sourceSchema } from "@/lib/validation/organizers";

export async function addSource(db: Db, actor: Actor | null, input: z.infer<typeof sourceSchema>) {
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    const row = await insertSource(tx, { ...input, campaignId: campaign.id });
    await insertAuditEntry(tx, { actorId: a.userId, action: "source.add", entityType: "source", entityId: row.id, campaignId: campaign.id });
    return row;
  });
}
