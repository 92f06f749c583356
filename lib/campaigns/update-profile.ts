import type { z } from "zod";
import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { updateProfileAtVersion } from "@/db/queries/campaign-admin";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import type { profileSchema } from "@/lib/validation/organizers";

/** Saves the person's profile (facts, biography, health) in every language, if nobody saved since it was loaded. */
export async function updateProfile(db: Db, actor: Actor | null, input: z.infer<typeof profileSchema>) {
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    const { campaignId: _, version, ...fields } = input;
    const row = await updateProfileAtVersion(tx, campaign.id, version, fields);
    if (!row) throw new AppError("conflict", { form: "version_conflict" });
    await insertAuditEntry(tx, { actorId: a.userId, action: "profile.update", entityType: "profile", entityId: campaign.id, campaignId: campaign.id });
    return row;
  });
}
