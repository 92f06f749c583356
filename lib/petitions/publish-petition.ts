import type { Db } from "@/db";
import { findCampaignById } from "@/db/queries/campaign-admin";
import { AppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { type TransitionInput, transitionPetition } from "./transition-petition";
import { deadlinePassed } from "./state";
import { isPublicCampaign } from "@/lib/campaigns/state";

const translatedFields = ["title", "target", "summary", "body"] as const;

/**
 * Opens a draft for signing. It must be written in every language (a signer reads it in theirs) and its
 * campaign must be public.
 */
export async function publishPetition(db: Db, actor: Actor | null, input: TransitionInput) {
  return transitionPetition(db, actor, input, "publish", {
    async check(petition, tx) {
      const missing: Record<string, string> = {};
      for (const field of translatedFields) {
        for (const locale of locales) if (!petition[field][locale].trim()) missing[`${field}.${locale}`] = "translation_missing";
      }
      if (Object.keys(missing).length) throw new AppError("invalid_input", missing);
      if (deadlinePassed(petition)) throw new AppError("invalid_input", { deadline: "deadline_passed" });
      const campaign = await findCampaignById(tx, petition.campaignId);
      if (!campaign || !isPublicCampaign(campaign.state)) throw new AppError("illegal_transition", { form: "campaign_not_published" });
    },
    set: (now) => ({ publishedAt: now }),
  });
}
