import type { Db } from "@/db";
import { findCampaignById } from "@/db/queries/campaign-admin";
import { attendeeCounts, latestChange, listCampaignRallies } from "@/db/queries/rallies";
import { listAttendees } from "@/db/queries/rsvps";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import { authorizeRally } from "./authorize-rally";

/** A rally's dashboard page: the rally, its campaign, its counts and — for its organizers only — its attendees. */
export async function getRallyEditor(db: Db, actor: Actor | null, rallyId: string) {
  const { actor: a, rally } = await authorizeRally(db, actor, rallyId);
  const campaign = await findCampaignById(db, rally.campaignId);
  if (!campaign) throw new AppError("not_found");
  const [counts, attendees, change] = await Promise.all([attendeeCounts(db, rally.id), listAttendees(db, rally.id), latestChange(db, rally.id)]);
  return { actor: a, rally, campaign, counts, attendees, change };
}

/** The rallies of one campaign, for its dashboard page. */
export async function getCampaignRallies(db: Db, actor: Actor | null, campaignId: string) {
  const { campaign } = await authorizeCampaign(db, actor, campaignId);
  return { campaign, rallies: await listCampaignRallies(db, campaign.id) };
}
