import { campaignStates } from "@/db/schema/campaigns";

export type CampaignState = (typeof campaignStates)[number];
export { campaignStates };

/**
 * A campaign's lifecycle. Any organizer can write one, but it goes public only when an admin approves it:
 * organizers submit it for review; admins approve (or publish their own draft directly) or refuse with a reason.
 * Taking it down makes it a draft again, which needs a new review to come back.
 */
export const campaignActions = {
  submit: { from: ["draft"], to: "pending_review", adminOnly: false },
  approve: { from: ["pending_review", "draft"], to: "published", adminOnly: true },
  refuse: { from: ["pending_review"], to: "draft", adminOnly: true },
  unpublish: { from: ["published"], to: "draft", adminOnly: false },
} as const satisfies Record<string, { from: readonly CampaignState[]; to: CampaignState; adminOnly: boolean }>;

export type CampaignAction = keyof typeof campaignActions;

export function canPerformOnCampaign(state: CampaignState, action: CampaignAction): boolean {
  return (campaignActions[action].from as readonly CampaignState[]).includes(state);
}

/** Public: its profile and petitions are on the site. */
export const isPublicCampaign = (state: CampaignState) => state === "published";
