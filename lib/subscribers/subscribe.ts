import type { Db } from "@/db";
import { findPublicCampaignBySlug } from "@/db/queries/campaigns";
import { insertPendingSubscriber, isAddressSuppressed, lockSubscriberByEmail, recordAnotherSubscriberEmail } from "@/db/queries/subscribers";
import { CONFIRMATION_TTL_MS, MAX_CONFIRMATION_EMAILS } from "@/lib/confirmations/tokens";
import { enqueueEmail } from "@/lib/email/outbox";
import type { PowVerdict } from "@/lib/abuse/proof-of-work";
import { screenClient } from "@/lib/abuse/screen-client";
import { AppError } from "@/lib/errors";
import type { SubscribeInput } from "@/lib/validation/subscribers";
import { SUBSCRIBE_WORDING_VERSION, SUBSCRIPTION_CONFIRM, SUBSCRIPTION_MANAGE, mintSubscriberTokens } from "./tokens";

/**
 * The standalone "get updates" form: a pending subscriber and its confirmation email commit together (double
 * opt-in). Whatever the address's standing — new, pending, confirmed, unsubscribed, suppressed — the answer is
 * the same "check your email" and the work is one short transaction: a pending or unsubscribed address gets its
 * link again by email only (at most MAX_CONFIRMATION_EMAILS in all), a confirmed or suppressed one gets nothing.
 * The page never tells whether an address is known, and one address never has two rows.
 */
export async function subscribeToCampaign(
  db: Db,
  campaignSlug: string,
  input: SubscribeInput,
  options: { now?: Date; client?: { address: string | null; pow?: PowVerdict } } = {},
): Promise<{ outcome: "check_email" }> {
  const now = options.now ?? new Date();
  const campaign = await findPublicCampaignBySlug(db, campaignSlug);
  if (!campaign) throw new AppError("not_found");
  if (input.website === "filled") return { outcome: "check_email" }; // a bot: say the same, keep nothing
  // Blocked, over the per-client limits on this campaign, or a forged proof of work (lib/abuse/screen-client.ts):
  // the same answer, nothing kept, nothing sent (a subscription has no row that could stay uncounted).
  if (options.client) {
    const screening = await screenClient(db, { action: "subscribe", target: campaign.id, address: options.client.address, email: input.email, pow: options.client.pow }, { now });
    if (screening.fraudulent) return { outcome: "check_email" };
  }
  const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS);
  await db.transaction(async (tx) => {
    if (await isAddressSuppressed(tx, input.email)) return; // it bounced or complained: never mailed again
    const { nonce, hashes } = mintSubscriberTokens();
    const fresh = await insertPendingSubscriber(tx, {
      campaignId: campaign.id,
      emailNormalized: input.email,
      locale: input.locale,
      source: "standalone",
      consentWordingVersion: SUBSCRIBE_WORDING_VERSION,
      tokenNonce: nonce,
      confirmTokenHash: hashes[SUBSCRIPTION_CONFIRM],
      manageTokenHash: hashes[SUBSCRIPTION_MANAGE],
      tokenExpiresAt: expiresAt,
    });
    let id = fresh?.id;
    if (!id) {
      const existing = await lockSubscriberByEmail(tx, campaign.id, input.email);
      if (!existing) throw new AppError("unavailable");
      const again = await recordAnotherSubscriberEmail(tx, existing.id, MAX_CONFIRMATION_EMAILS, {
        locale: input.locale,
        source: "standalone",
        consentWordingVersion: SUBSCRIBE_WORDING_VERSION,
        tokenExpiresAt: expiresAt,
      });
      id = again ? existing.id : undefined;
    }
    if (id) await enqueueEmail(tx, "subscription-confirmation", { subscriberId: id });
  });
  return { outcome: "check_email" };
}
