import { findChangeById } from "@/db/queries/rallies";
import RallyChanged, { rallyChangedSubject } from "@/emails/rally-changed";
import { appUrl } from "@/lib/env";
import { pick } from "@/lib/i18n/localized";
import { rallyEmailTranslator } from "@/lib/i18n/translator";
import { formatRallyWhen } from "../format-when";
import { isLive } from "../state";
import { type RallyEmailKind, facts, isSkip, manageUrl, noticeKey, recipient } from "./common";

/** Time or place changed (one notice per coalesced change; `key` is the change's id). Bulk. */
export const changedEmail: RallyEmailKind<{ rsvpId: string; key: string }> = {
  priority: "bulk",
  template: "rally-changed",
  async render(db, payload) {
    const r = await recipient(db, payload.rsvpId);
    if (isSkip(r)) return r;
    if (r.state !== "confirmed" && r.state !== "waitlisted") return { skip: `rsvp ${r.state}` };
    if (!isLive(r.rally.state)) return { skip: `rally ${r.rally.state}` };
    const change = await findChangeById(db, payload.key);
    if (!change) return { skip: "change gone" };
    const t = rallyEmailTranslator(r.locale);
    const b = change.before;
    const changes = [
      ...(change.fields.includes("time")
        ? [{ label: t("when"), before: formatRallyWhen(r.locale, { startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt), timeZone: r.rally.timeZone }), after: formatRallyWhen(r.locale, r.rally) }]
        : []),
      ...(change.fields.includes("place") ? [{ label: t("where"), before: pick(b.address, r.locale), after: pick(r.rally.address, r.locale) }] : []),
    ];
    const props = {
      locale: r.locale,
      name: r.name,
      changes,
      message: pick(change.message, r.locale),
      facts: facts(r.rally, r.locale),
      manageUrl: manageUrl(r.tokenNonce, r.locale),
      siteUrl: appUrl(),
    };
    return { to: r.email, subject: rallyChangedSubject(props), element: RallyChanged(props), template: this.template, idempotencyKey: noticeKey(r, "changed", payload.key) };
  },
};
