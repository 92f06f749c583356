import type { Db } from "@/db";
import { findCampaignById } from "@/db/queries/campaign-admin";
import type { Actor } from "@/lib/organizers/access";
import { authorizePetition } from "@/lib/organizers/authorize";

/** A petition's page in the dashboard: the petition and its campaign. */
export async function getPetitionEditor(db: Db, actor: Actor | null, petitionId: string) {
  const { actor: a, petition } = await authorizePetition(db, actor, petitionId);
  const campaign = await findCampaignById(db, petition.campaignId);
  return { actor: a, petition, campaign: campaign! };
}
