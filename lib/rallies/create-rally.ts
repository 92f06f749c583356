import type { Db } from "@/db";
import { recordChange } from "@/lib/audit/record-change";
import { insertRally } from "@/db/queries/rallies";
import { AppError } from "@/lib/errors";
import { timeZone } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import type { RallyCreateInput } from "@/lib/validation/rallies";
import { checkPlace, detailColumns, resolveTimes } from "./rally-details";

/** A new draft rally in one of the actor's campaigns, in the campaign's time zone. */
export async function createRally(db: Db, actor: Actor | null, input: RallyCreateInput, options: { now?: Date; timeZone?: string } = {}) {
  return db.transaction(async (tx) => {
    const { actor: a, campaign } = await authorizeCampaign(tx, actor, input.campaignId);
    const zone = options.timeZone ?? timeZone;
    checkPlace(input);
    const times = resolveTimes(input, zone, { now: options.now ?? new Date() });
    const rally = await insertRally(tx, campaign.id, { slug: input.slug, timeZone: zone, ...detailColumns(input, times) });
    if (!rally) throw new AppError("invalid_input", { slug: "slug_taken" });
    await recordChange(tx, a, "rally.create", { type: "rally", id: rally.id, campaignId: campaign.id }, { slug: rally.slug });
    return rally;
  });
}
