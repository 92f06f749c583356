import type { Db } from "@/db";
import type { Actor } from "@/lib/organizers/access";
import { type CampaignTransitionInput, transitionCampaign } from "./transition-campaign";

/** Takes a campaign off the public site (for example when it puts someone at risk). Coming back needs a review. */
export async function unpublishCampaign(db: Db, actor: Actor | null, input: CampaignTransitionInput) {
  return transitionCampaign(db, actor, input, "unpublish");
}
