import type { Db } from "@/db";
import type { Actor } from "@/lib/organizers/access";
import { type CampaignTransitionInput, transitionCampaign } from "./transition-campaign";

/** An organizer asks for their draft campaign to go public; an admin reviews it. */
export async function submitCampaign(db: Db, actor: Actor | null, input: CampaignTransitionInput) {
  return transitionCampaign(db, actor, input, "submit");
}
