import type { Db } from "@/db";
import { type SubscriberSource, upsertConfirmedSubscriber } from "@/db/queries/subscribers";
import type { Locale } from "@/lib/i18n/locales";
import { mintSubscriberTokens } from "./tokens";

export type ConfirmedConsent = {
  campaignId: string;
  email: string;
  locale: Locale;
  source: Exclude<SubscriberSource, "standalone">;
  consentWordingVersion: string;
  consentAt: Date;
};

/**
 * The subscription that goes with a confirmation the person just made by email (their signature, their RSVP)
 * on a form whose "send me updates" box they ticked: confirmed at once, in the caller's transaction, with no
 * email of its own. One row per (campaign, address): a second consent updates the same row.
 */
export async function subscribeWithConfirmedConsent(tx: Db, c: ConfirmedConsent): Promise<{ id: string }> {
  const { nonce, hashes } = mintSubscriberTokens();
  return upsertConfirmedSubscriber(tx, {
    campaignId: c.campaignId,
    emailNormalized: c.email,
    locale: c.locale,
    source: c.source,
    consentWordingVersion: c.consentWordingVersion,
    consentAt: c.consentAt,
    tokenNonce: nonce,
    confirmTokenHash: hashes["subscription-confirmation"],
    manageTokenHash: hashes["subscription-manage"],
    tokenExpiresAt: new Date(),
  });
}
