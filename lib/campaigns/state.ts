import { campaignActions, publicCampaignStates } from "@/db/lifecycles";
import { campaignStates } from "@/db/schema/campaigns";

/**
 * A campaign's lifecycle: the one table is `campaignActions` (db/lifecycles.ts, beside the schema, so the
 * queries share it); everything here is derived from it.
 */
export type CampaignState = (typeof campaignStates)[number];
export { campaignActions, campaignStates };

export type CampaignAction = keyof typeof campaignActions;

export function canPerformOnCampaign(state: CampaignState, action: CampaignAction): boolean {
  return (campaignActions[action].from as readonly CampaignState[]).includes(state);
}

/** Public: its profile and petitions are on the site (SQL: `campaignIsPublicSql`). */
export const isPublicCampaign = (state: CampaignState) => (publicCampaignStates as readonly CampaignState[]).includes(state);

