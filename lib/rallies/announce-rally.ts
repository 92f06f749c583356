import type { Db } from "@/db";
import { findCampaignById } from "@/db/queries/campaign-admin";
import { AppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { transitionRally } from "./transition-rally";
import { isPublicCampaign } from "@/lib/campaigns/state";

const translatedFields = ["title", "description", "address"] as const;

/** Makes a draft public. It must be written in every language, start in the future, and its campaign be public. */
export async function announceRally(db: Db, actor: Actor | null, input: { rallyId: string; version: number }, options: { now?: Date } = {}) {
  return transitionRally(db, actor, input, "announce", {
    now: options.now,
    async check(rally, tx, now) {
      const missing: Record<string, string> = {};
      for (const field of translatedFields) {
        for (const l of locales) if (!rally[field][l].trim()) missing[`${field}.${l}`] = "translation_missing";
      }
      if (Object.keys(missing).length) throw new AppError("invalid_input", missing);
      if (rally.startsAt <= now) throw new AppError("invalid_input", { startsAt: "starts_in_past" });
      const campaign = await findCampaignById(tx, rally.campaignId);
      if (!campaign || !isPublicCampaign(campaign.state)) throw new AppError("illegal_transition", { form: "campaign_not_published" });
    },
    set: (_, now) => ({ announcedAt: now }),
  });
}
