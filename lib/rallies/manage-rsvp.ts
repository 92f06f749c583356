import type { Db } from "@/db";
import { findRallyById, lockRally } from "@/db/queries/rallies";
import { findRsvpByTokenHash, markStillComing, setRsvpState } from "@/db/queries/rsvps";
import { hashToken, linkTokenSchema } from "@/lib/confirmations/tokens";
import { AppError } from "@/lib/errors";
import { fillFreedPlaces } from "./fill-places";
import { rsvpActions } from "./state";

export type ManageOutcome = { rallySlug: string; outcome: "cancelled" | "already_cancelled" | "still_coming" };

async function byManageToken(db: Db, token: string) {
  if (!linkTokenSchema.safeParse(token).success) throw new AppError("token_invalid");
  const rsvp = await findRsvpByTokenHash(db, "manage", hashToken(token));
  if (!rsvp) throw new AppError("token_invalid");
  return rsvp;
}

/** What the manage link shows: the rally and where this person stands. No personal data. */
export async function findRsvpByManageToken(db: Db, token: string) {
  if (!linkTokenSchema.safeParse(token).success) return null;
  const rsvp = await findRsvpByTokenHash(db, "manage", hashToken(token));
  const rally = rsvp && (await findRallyById(db, rsvp.rallyId));
  return rsvp && rally ? { rsvp, rally } : null;
}

/**
 * The attendee cancels, from the link in any rally email (no account). A place this frees goes to the
 * first person on the waitlist, who is told — in the same transaction.
 */
export async function cancelRsvp(db: Db, token: string, options: { now?: Date } = {}): Promise<ManageOutcome> {
  const found = await byManageToken(db, token);
  return db.transaction(async (tx) => {
    const rally = (await lockRally(tx, found.rallyId))!;
    if (!(await setRsvpState(tx, found.id, rsvpActions.cancel.from, rsvpActions.cancel.to))) {
      return { rallySlug: rally.slug, outcome: "already_cancelled" as const };
    }
    await fillFreedPlaces(tx, rally, options.now);
    return { rallySlug: rally.slug, outcome: "cancelled" as const };
  });
}

/** "Still coming": the answer to the day-before reminder. */
export async function confirmStillComing(db: Db, token: string): Promise<ManageOutcome> {
  const found = await byManageToken(db, token);
  const rally = (await findRallyById(db, found.rallyId))!;
  if (!(await markStillComing(db, found.id))) throw new AppError("illegal_transition");
  return { rallySlug: rally.slug, outcome: "still_coming" };
}
