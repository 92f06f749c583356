import { confirmPendingSubscriber, findSubscriberByTokenHash } from "@/db/queries/subscribers";
import type { Confirmable } from "@/lib/confirmations/confirm-by-token";

export type SubscriptionConfirmed = { campaignSlug: string };

/**
 * The standalone form's double opt-in, on the generic confirmation (lib/confirmations): GET shows the button,
 * POST runs the guarded pending → confirmed change; a second visit says it is already confirmed. A subscription
 * ended since (unsubscribed, or the address suppressed) is `closed`: the link confirms nothing any more.
 */
export const subscriptionConfirmable: Confirmable<SubscriptionConfirmed> = {
  kind: "subscription",

  async find(db, tokenHash) {
    const s = await findSubscriberByTokenHash(db, "confirm", tokenHash);
    if (!s) return null;
    const base = { subject: s.campaignName, slug: s.campaignSlug };
    if (s.state === "confirmed") return { ...base, status: "confirmed" };
    if (s.state !== "pending") return { ...base, status: "closed" };
    if (s.tokenExpiresAt <= new Date()) return { ...base, status: "expired" };
    return { ...base, status: "pending" };
  },

  async confirm(db, tokenHash) {
    const row = await confirmPendingSubscriber(db, tokenHash);
    if (!row) return null;
    const s = await findSubscriberByTokenHash(db, "confirm", tokenHash);
    return s ? { campaignSlug: s.campaignSlug } : null;
  },

  async already(db, tokenHash) {
    const s = await findSubscriberByTokenHash(db, "confirm", tokenHash);
    return s?.state === "confirmed" ? { campaignSlug: s.campaignSlug } : null;
  },
};
