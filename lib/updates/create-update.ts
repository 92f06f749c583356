import type { Db } from "@/db";
import { insertUpdate, replaceUpdateTexts } from "@/db/queries/updates";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import type { UpdateCreateInput } from "@/lib/validation/updates";
import { checkedTexts } from "./check-texts";
import { recordChange } from "@/lib/audit/record-change";

/** A new draft update of one of the actor's campaigns. */
export async function createUpdate(db: Db, actor: Actor | null, input: UpdateCreateInput) {
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    const texts = checkedTexts(input);
    const update = await insertUpdate(tx, { campaignId: campaign.id, createdBy: a.userId, defaultLocale: input.defaultLocale });
    await replaceUpdateTexts(tx, update.id, texts);
    await recordChange(tx, a, "update.create", { type: "update", id: update.id, campaignId: campaign.id });
    return update;
  });
}
