import type { Db } from "@/db";
import { recordChange } from "@/lib/audit/record-change";
import { insertPetition } from "@/db/queries/petition-admin";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import type { PetitionDraftInput } from "@/lib/validation/organizers";

/** A new draft petition in one of the actor's campaigns. */
export async function createPetition(db: Db, actor: Actor | null, input: PetitionDraftInput & { campaignId: string }) {
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    const { campaignId: _, ...draft } = input;
    const petition = await insertPetition(tx, campaign.id, draft);
    if (!petition) throw new AppError("invalid_input", { slug: "slug_taken" });
    await recordChange(tx, a, "petition.create", { type: "petition", id: petition.id, campaignId: campaign.id }, { slug: petition.slug });
    return petition;
  });
}
