import RsvpConfirmation, { rsvpConfirmationSubject } from "@/emails/rsvp-confirmation";
import { appUrl } from "@/lib/env";
import { acceptsRsvps } from "../state";
import { type RallyEmailKind, confirmUrl, facts, isSkip, manageUrl, recipient } from "./common";

/** The double opt-in link (or, to an address already registered, its manage link). Transactional. */
export const confirmationEmail: RallyEmailKind<{ rsvpId: string }> = {
  priority: "transactional",
  template: "rsvp-confirmation",
  async render(db, payload, job) {
    const r = await recipient(db, payload.rsvpId);
    if (isSkip(r)) return r;
    if (r.state === "cancelled") return { skip: "rsvp cancelled" };
    if (!acceptsRsvps(r.rally)) return { skip: "rally closed" };
    const props = {
      locale: r.locale,
      name: r.name,
      facts: facts(r.rally, r.locale),
      confirmUrl: r.state === "pending" ? confirmUrl(r.tokenNonce, r.locale) : null,
      manageUrl: manageUrl(r.tokenNonce, r.locale),
      siteUrl: appUrl(),
    };
    return {
      to: r.email,
      subject: rsvpConfirmationSubject(props),
      element: RsvpConfirmation(props),
      template: this.template,
      // Each job is one email (re-sends are new jobs, bounded per RSVP).
      idempotencyKey: `rally/${r.rally.id}/${r.id}/confirmation/${job.id}`,
    };
  },
};
