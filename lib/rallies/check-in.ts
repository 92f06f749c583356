import type { Db } from "@/db";
import { checkIn, insertWalkIn } from "@/db/queries/rsvps";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { idSchema } from "@/lib/validation/organizers";
import { authorizeRally } from "./authorize-rally";
import { mintRsvpTokens, RSVP_CONFIRM, RSVP_MANAGE } from "./rsvp-tokens";
import type { RallyState } from "./state";
import { recordChange } from "@/lib/audit/record-change";

/** Check-in happens on the day and after: a live rally, or one marked held. */
const checkInStates: readonly RallyState[] = ["announced", "changed", "held"];

/** Marks a confirmed attendee as there. */
export async function checkInAttendee(db: Db, actor: Actor | null, input: { rallyId: string; rsvpId: string }) {
  return db.transaction(async (tx) => {
    const { actor: a, rally } = await authorizeRally(tx, actor, input.rallyId);
    if (!checkInStates.includes(rally.state)) throw new AppError("illegal_transition", { form: "rally_not_checkin" });
    if (!idSchema.safeParse(input.rsvpId).success || !(await checkIn(tx, rally.id, input.rsvpId))) throw new AppError("illegal_transition", { form: "not_checkable" });
    await recordChange(tx, a, "rally.check_in", { type: "rally", id: rally.id, campaignId: rally.campaignId }, { rsvpId: input.rsvpId });
  });
}

/** Someone who came without registering: their name only, checked in. */
export async function addWalkIn(db: Db, actor: Actor | null, input: { rallyId: string; name: string; locale: Locale }) {
  return db.transaction(async (tx) => {
    const { actor: a, rally } = await authorizeRally(tx, actor, input.rallyId);
    if (!checkInStates.includes(rally.state)) throw new AppError("illegal_transition", { form: "rally_not_checkin" });
    const { nonce, hashes } = mintRsvpTokens();
    const row = await insertWalkIn(tx, rally.id, input.name, input.locale, { nonce, confirm: hashes[RSVP_CONFIRM], manage: hashes[RSVP_MANAGE] });
    await recordChange(tx, a, "rally.walk_in", { type: "rally", id: rally.id, campaignId: rally.campaignId }, { rsvpId: row.id });
    return row;
  });
}
