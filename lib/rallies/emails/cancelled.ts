import { listVisibleRallies } from "@/db/queries/rallies";
import RallyCancelled, { rallyCancelledSubject } from "@/emails/rally-cancelled";
import { appUrl } from "@/lib/env";
import { pick } from "@/lib/i18n/localized";
import { formatRallyWhen } from "../format-when";
import { isUpcoming } from "../state";
import { type RallyEmailKind, isSkip, noticeKey, rallyUrl, recipient } from "./common";

/** The rally is cancelled: the organizers' message and the campaign's other upcoming rallies. Bulk. */
export const cancelledEmail: RallyEmailKind<{ rsvpId: string; key: string }> = {
  priority: "bulk",
  template: "rally-cancelled",
  async render(db, payload) {
    const r = await recipient(db, payload.rsvpId);
    if (isSkip(r)) return r;
    if (r.rally.state !== "cancelled") return { skip: `rally ${r.rally.state}` };
    if (r.state !== "confirmed" && r.state !== "waitlisted") return { skip: `rsvp ${r.state}` };
    const others = (await listVisibleRallies(db, r.rally.campaignId))
      .filter((o) => o.id !== r.rally.id && isUpcoming(o))
      .slice(0, 5)
      .map((o) => ({ title: pick(o.title, r.locale), when: formatRallyWhen(r.locale, o), url: rallyUrl(o, r.locale) }));
    const props = {
      locale: r.locale,
      name: r.name,
      title: pick(r.rally.title, r.locale),
      when: formatRallyWhen(r.locale, r.rally),
      note: pick(r.rally.cancelNote, r.locale),
      others,
      siteUrl: appUrl(),
    };
    return { to: r.email, subject: rallyCancelledSubject(props), element: RallyCancelled(props), template: this.template, idempotencyKey: noticeKey(r, "cancelled", payload.key) };
  },
};
