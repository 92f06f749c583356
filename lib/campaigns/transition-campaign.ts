import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { type Campaign, updateCampaignAtVersion } from "@/db/queries/campaign-admin";
import { AppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/locales";
import { type Actor, requireAdmin } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import { type CampaignAction, campaignActions, canPerformOnCampaign } from "./state";

export type CampaignTransitionInput = { campaignId: string; version: number };

/**
 * The shared path of submit, approve, refuse and unpublish: the role (admins only where the state machine says
 * so, checked before anything is read), the campaign's ownership, the state, the version the person saw, then a
 * guarded UPDATE and an audit entry in one transaction.
 */
export async function transitionCampaign(
  db: Db,
  actor: Actor | null,
  input: CampaignTransitionInput,
  action: CampaignAction,
  options: { reviewNote?: string | null; details?: Record<string, unknown> } = {},
): Promise<Campaign> {
  if (campaignActions[action].adminOnly) requireAdmin(actor);
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    if (!canPerformOnCampaign(campaign.state, action)) throw new AppError("illegal_transition", { form: `illegal_campaign_${action}` });
    if (campaignActions[action].to !== "draft") {
      const missing = Object.fromEntries(locales.filter((l) => !campaign.name[l].trim()).map((l) => [`name.${l}`, "translation_missing"]));
      if (Object.keys(missing).length) throw new AppError("invalid_input", missing);
    }
    const row = await updateCampaignAtVersion(tx, campaign.id, input.version, {
      state: campaignActions[action].to,
      reviewNote: options.reviewNote ?? null,
    });
    if (!row) throw new AppError("conflict", { form: "version_conflict" });
    await insertAuditEntry(tx, {
      actorId: a.userId,
      action: `campaign.${action}`,
      entityType: "campaign",
      entityId: campaign.id,
      campaignId: campaign.id,
      details: { from: campaign.state, to: row.state, ...options.details },
    });
    return row;
  });
}
