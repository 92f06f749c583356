import type { Db } from "@/db";
import { type Campaign, updateCampaignAtVersion } from "@/db/queries/campaign-admin";
import { AppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/locales";
import { runTransition } from "@/lib/lifecycle/transition";
import { type Actor, requireAdmin } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import { type CampaignAction, campaignActions, canPerformOnCampaign } from "./state";

export type CampaignTransitionInput = { campaignId: string; version: number };

/**
 * Submit, approve, refuse and unpublish (lib/lifecycle/transition.ts): admins only where the lifecycle table says
 * so, checked before anything is read; going anywhere but draft needs the name in every language.
 */
export async function transitionCampaign(
  db: Db,
  actor: Actor | null,
  input: CampaignTransitionInput,
  action: CampaignAction,
  options: { reviewNote?: string | null; details?: Record<string, unknown> } = {},
): Promise<Campaign> {
  if (campaignActions[action].adminOnly) requireAdmin(actor);
  return runTransition<Campaign>(db, {
    entity: "campaign",
    action: `campaign.${action}`,
    version: input.version,
    authorize: async (tx) => {
      const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
      return { actor: a, row: campaign };
    },
    canPerform: (state) => canPerformOnCampaign(state, action),
    illegal: `illegal_campaign_${action}`,
    check: (campaign) => {
      if (campaignActions[action].to === "draft") return;
      const missing = Object.fromEntries(locales.filter((l) => !campaign.name[l].trim()).map((l) => [`name.${l}`, "translation_missing"]));
      if (Object.keys(missing).length) throw new AppError("invalid_input", missing);
    },
    update: (tx, campaign) => updateCampaignAtVersion(tx, campaign.id, input.version, { state: campaignActions[action].to, reviewNote: options.reviewNote ?? null }),
    details: options.details,
  });
}
