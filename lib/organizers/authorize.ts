import type { Db } from "@/db";
import { type Campaign, findCampaignById } from "@/db/queries/campaign-admin";
import { isCampaignMember } from "@/db/queries/organizers";
import { findPetitionById, type Petition } from "@/db/queries/petition-admin";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/validation/organizers";
import { type Actor, requireActor } from "./access";

/**
 * The campaign, if the actor may manage it: admins any, organizers their own. Anything else — an unknown id,
 * a malformed one, another campaign's — is `not_found`, so ids cannot be probed.
 */
export async function authorizeCampaign(db: Db, actor: Actor | null, campaignId: string): Promise<{ actor: Actor; campaign: Campaign }> {
  const a = requireActor(actor);
  if (!idSchema.safeParse(campaignId).success) throw new AppError("not_found");
  const campaign = await findCampaignById(db, campaignId);
  if (!campaign) throw new AppError("not_found");
  if (a.role !== "admin" && !(await isCampaignMember(db, campaign.id, a.userId))) throw new AppError("not_found");
  return { actor: a, campaign };
}

/** The petition, if the actor may manage its campaign; `not_found` otherwise. */
export async function authorizePetition(db: Db, actor: Actor | null, petitionId: string): Promise<{ actor: Actor; petition: Petition }> {
  const a = requireActor(actor);
  if (!idSchema.safeParse(petitionId).success) throw new AppError("not_found");
  const petition = await findPetitionById(db, petitionId);
  if (!petition) throw new AppError("not_found");
  if (a.role !== "admin" && !(await isCampaignMember(db, petition.campaignId, a.userId))) throw new AppError("not_found");
  return { actor: a, petition };
}
