import type { Db } from "@/db";
import { recordChange } from "@/lib/audit/record-change";
import { insertCampaign } from "@/db/queries/campaign-admin";
import { addCampaignMember } from "@/db/queries/organizers";
import { AppError } from "@/lib/errors";
import type { Localized } from "@/lib/i18n/locales";
import { type Actor, requireActor } from "@/lib/organizers/access";

/** A new draft campaign (with an empty profile). An organizer who creates one organizes it. */
export async function createCampaign(db: Db, actor: Actor | null, input: { slug: string; name: Localized; tagline: Localized }) {
  const a = requireActor(actor);
  return db.transaction(async (tx) => {
    const campaign = await insertCampaign(tx, input);
    if (!campaign) throw new AppError("invalid_input", { slug: "slug_taken" });
    if (a.role !== "admin") await addCampaignMember(tx, campaign.id, a.userId);
    await recordChange(tx, a, "campaign.create", { type: "campaign", id: campaign.id, campaignId: campaign.id }, { slug: campaign.slug });
    return campaign;
  });
}
