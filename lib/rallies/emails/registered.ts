import { waitlistPosition } from "@/db/queries/rsvps";
import RallyRegistered, { rallyRegisteredSubject } from "@/emails/rally-registered";
import { appUrl } from "@/lib/env";
import { pick } from "@/lib/i18n/localized";
import { isLive } from "../state";
import { type RallyEmailKind, facts, isSkip, manageUrl, noticeKey, recipient } from "./common";

type Variant = "registered" | "waitlisted" | "promoted";

/** After confirming (a place, or a waitlist position), and when moved up from the waitlist. Transactional. */
function registrationEmail(variant: Variant): RallyEmailKind<{ rsvpId: string; key: string }> {
  return {
    priority: "transactional",
    template: `rally-${variant}`,
    async render(db, payload) {
      const r = await recipient(db, payload.rsvpId);
      if (isSkip(r)) return r;
      if (!isLive(r.rally.state)) return { skip: `rally ${r.rally.state}` };
      const expected = variant === "waitlisted" ? "waitlisted" : "confirmed";
      if (r.state !== expected) return { skip: `rsvp ${r.state}` };
      const props = {
        locale: r.locale,
        name: r.name,
        variant,
        position: variant === "waitlisted" ? await waitlistPosition(db, r.id) : null,
        facts: facts(r.rally, r.locale),
        preparation: variant === "waitlisted" ? "" : pick(r.rally.preparation, r.locale),
        manageUrl: manageUrl(r.tokenNonce, r.locale),
        siteUrl: appUrl(),
      };
      return { to: r.email, subject: rallyRegisteredSubject(props), element: RallyRegistered(props), template: this.template, idempotencyKey: noticeKey(r, variant, payload.key) };
    },
  };
}

export const registeredEmail = registrationEmail("registered");
export const waitlistedEmail = registrationEmail("waitlisted");
export const promotedEmail = registrationEmail("promoted");
