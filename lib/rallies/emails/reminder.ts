import RallyReminder, { rallyReminderSubject } from "@/emails/rally-reminder";
import { appUrl } from "@/lib/env";
import { pick } from "@/lib/i18n/localized";
import { isLive } from "../state";
import { type RallyEmailKind, facts, isSkip, manageUrl, noticeKey, recipient } from "./common";

/** The day before at 11:00 ("still coming?") and the day itself at 08:00, to people with a place. Bulk. */
function reminderEmail(variant: "day_before" | "day_of"): RallyEmailKind<{ rsvpId: string; key: string }> {
  return {
    priority: "bulk",
    template: `rally-${variant.replace("_", "-")}`,
    async render(db, payload) {
      const r = await recipient(db, payload.rsvpId);
      if (isSkip(r)) return r;
      if (r.state !== "confirmed") return { skip: `rsvp ${r.state}` };
      if (!isLive(r.rally.state) || r.rally.startsAt <= new Date()) return { skip: "rally not ahead" };
      const props = {
        locale: r.locale,
        name: r.name,
        variant,
        facts: facts(r.rally, r.locale),
        preparation: pick(r.rally.preparation, r.locale),
        manageUrl: manageUrl(r.tokenNonce, r.locale),
        siteUrl: appUrl(),
      };
      return { to: r.email, subject: rallyReminderSubject(props), element: RallyReminder(props), template: this.template, idempotencyKey: noticeKey(r, variant, payload.key) };
    },
  };
}

export const dayBeforeEmail = reminderEmail("day_before");
export const dayOfEmail = reminderEmail("day_of");
