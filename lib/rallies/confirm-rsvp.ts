import { countPlacesTaken, findRallyById, lockRally } from "@/db/queries/rallies";
import { findRsvpByTokenHash, lockPendingRsvpByConfirmHash, setRsvpState } from "@/db/queries/rsvps";
import { subscribeWithConfirmedConsent } from "@/lib/subscribers/subscribe-with-consent";
import { insertNoticesWithJobs } from "./notices";
import { RSVP_CONSENT_WORDING_VERSION } from "./rsvp-tokens";
import type { Confirmable } from "@/lib/confirmations/confirm-by-token";
import { acceptsRsvps, rsvpActions } from "./state";

export type RsvpConfirmed = { rallySlug: string; status: "confirmed" | "waitlisted" | "full" };

/**
 * The RSVP's double opt-in, on the generic confirmation (lib/confirmations): one transaction locks the
 * rally (capacity is decided one confirmation at a time), takes a place if one is free, else a waitlist
 * place if the rally has a waitlist, and records the matching notice with its email job. A full rally
 * without a waitlist leaves the RSVP pending: a place freed later can still be confirmed with the link.
 */
export const rsvpConfirmable: Confirmable<RsvpConfirmed> = {
  kind: "rsvp",

  async find(db, tokenHash) {
    const rsvp = await findRsvpByTokenHash(db, "confirm", tokenHash);
    if (!rsvp) return null;
    const rally = await findRallyById(db, rsvp.rallyId);
    if (!rally) return null;
    const subject = rally.title;
    const slug = rally.slug;
    if (rsvp.state === "confirmed" || rsvp.state === "waitlisted") return { status: "confirmed", subject, slug };
    if (rsvp.state !== "pending" || !acceptsRsvps(rally)) return { status: "closed", subject, slug };
    if (rsvp.tokenExpiresAt <= new Date()) return { status: "expired", subject, slug };
    return { status: "pending", subject, slug };
  },

  async confirm(db, tokenHash) {
    return db.transaction(async (tx) => {
      const pending = await lockPendingRsvpByConfirmHash(tx, tokenHash);
      if (!pending) return null;
      const rally = await lockRally(tx, pending.rallyId);
      if (!rally || !acceptsRsvps(rally)) return null;
      const free = rally.capacity === null || (await countPlacesTaken(tx, rally.id)) < rally.capacity;
      const action = free ? rsvpActions.confirm : rally.waitlist ? rsvpActions.waitlist : null;
      if (!action) return { rallySlug: rally.slug, status: "full" as const };
      if (!(await setRsvpState(tx, pending.id, action.from, action.to))) return null;
      // "Send me campaign updates" ticked: the address is confirmed now, so is the subscription (no email of its own).
      if (pending.consentUpdates && pending.email) {
        await subscribeWithConfirmedConsent(tx, {
          campaignId: rally.campaignId,
          email: pending.email,
          locale: pending.locale,
          source: "rsvp",
          consentWordingVersion: pending.consentWordingVersion ?? RSVP_CONSENT_WORDING_VERSION,
          consentAt: pending.consentUpdatesAt ?? new Date(),
        });
      }
      await insertNoticesWithJobs(tx, {
        rallyId: rally.id,
        kind: free ? "registered" : "waitlisted",
        states: [action.to],
        rsvpIds: [pending.id],
      });
      return { rallySlug: rally.slug, status: action.to };
    });
  },

  async already(db, tokenHash) {
    const rsvp = await findRsvpByTokenHash(db, "confirm", tokenHash);
    const rally = rsvp && (await findRallyById(db, rsvp.rallyId));
    if (!rsvp || !rally || (rsvp.state !== "confirmed" && rsvp.state !== "waitlisted")) return null;
    return { rallySlug: rally.slug, status: rsvp.state };
  },
};

