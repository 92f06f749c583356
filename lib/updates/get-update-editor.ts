import type { Db } from "@/db";
import { findCampaignById } from "@/db/queries/campaign-admin";
import { countDeliverableSubscribers } from "@/db/queries/subscribers";
import { listCampaignUpdates, updateProgress } from "@/db/queries/updates";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import { authorizeUpdate } from "./authorize-update";
import { nextUpdateAllowedAt } from "./frequency";

/**
 * An update's dashboard page: the update and its campaign, the subscribers a send would reach now, its
 * progress (sent / total / failed), and when the weekly cap lets the next one go (null: now).
 */
export async function getUpdateEditor(db: Db, actor: Actor | null, updateId: string, options: { now?: Date } = {}) {
  const { actor: a, update } = await authorizeUpdate(db, actor, updateId);
  const campaign = await findCampaignById(db, update.campaignId);
  if (!campaign) throw new AppError("not_found");
  const now = options.now ?? new Date();
  const [subscribers, progress, nextAllowedAt] = await Promise.all([
    countDeliverableSubscribers(db, campaign.id),
    updateProgress(db, update),
    update.state === "draft" ? nextUpdateAllowedAt(db, campaign.id, now, update.id) : Promise.resolve(null),
  ]);
  return { actor: a, update, campaign, subscribers, progress, nextAllowedAt };
}

/** Only the figures, for the progress bar's JSON (polled while the page is open). */
export async function getUpdateProgress(db: Db, actor: Actor | null, updateId: string) {
  const { update } = await authorizeUpdate(db, actor, updateId);
  return { state: update.state, ...(await updateProgress(db, update)) };
}

/** A campaign's updates, for its dashboard page; and when the weekly cap allows the next one. */
export async function getCampaignUpdates(db: Db, actor: Actor | null, campaignId: string, options: { now?: Date } = {}) {
  const { campaign } = await authorizeCampaign(db, actor, campaignId);
  const [updates, nextAllowedAt] = await Promise.all([listCampaignUpdates(db, campaign.id), nextUpdateAllowedAt(db, campaign.id, options.now ?? new Date(), "00000000-0000-0000-0000-000000000000")]);
  return { campaign, updates, nextAllowedAt };
}
