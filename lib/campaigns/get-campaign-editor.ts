import type { Db } from "@/db";
import { findProfile, listSources, listTimeline } from "@/db/queries/campaigns";
import { listCampaignPetitions } from "@/db/queries/petition-admin";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";

/** A campaign's page in the dashboard: its settings and its petitions. */
export async function getCampaignEditor(db: Db, actor: Actor | null, campaignId: string) {
  const { campaign } = await authorizeCampaign(db, actor, campaignId);
  return { campaign, petitions: await listCampaignPetitions(db, campaign.id) };
}

/** The profile editor (and its preview): the person, the timeline, the sources. */
export async function getProfileEditor(db: Db, actor: Actor | null, campaignId: string) {
  const { campaign } = await authorizeCampaign(db, actor, campaignId);
  const [profile, timeline, sources] = await Promise.all([
    findProfile(db, campaign.id),
    listTimeline(db, campaign.id),
    listSources(db, campaign.id),
  ]);
  if (!profile) throw new AppError("not_found");
  return { campaign, profile, timeline, sources };
}
