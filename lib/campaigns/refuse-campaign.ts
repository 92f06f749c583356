import type { Db } from "@/db";
import type { Actor } from "@/lib/organizers/access";
import { type CampaignTransitionInput, transitionCampaign } from "./transition-campaign";

/** An admin sends a campaign back to its organizers with the reason, which they see until they submit it again. */
export async function refuseCampaign(db: Db, actor: Actor | null, input: CampaignTransitionInput & { reason: string }) {
  return transitionCampaign(db, actor, input, "refuse", { reviewNote: input.reason, details: { reason: input.reason } });
}
