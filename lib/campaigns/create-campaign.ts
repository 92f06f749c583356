import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
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
    await insertAuditEntry(tx, {
      actorId: a.userId,
      action: "campaign.create",
      entityType: "campaign",
      entityId: campaign.id,
      campaignId: campaign.id,
      details: { slug: campaign.slug },
    });
    return campaign;
  });
}
