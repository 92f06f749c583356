import type { Db } from "@/db";
import type { Actor } from "@/lib/organizers/access";
import { type CampaignTransitionInput, transitionCampaign } from "./transition-campaign";

/** An admin makes a campaign public: one waiting for review, or a draft of their own. Its name must exist in every language. */
export async function approveCampaign(db: Db, actor: Actor | null, input: CampaignTransitionInput) {
  return transitionCampaign(db, actor, input, "approve");
}
