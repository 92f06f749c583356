import type { Db } from "@/db";
import { type Rally, countPlacesTaken } from "@/db/queries/rallies";
import { lockFirstWaitlisted, setRsvpState } from "@/db/queries/rsvps";
import { insertNoticesWithJobs } from "./notices";
import { acceptsRsvps, rsvpActions } from "./state";

/**
 * Moves people up from the waitlist, first come first served, while places are free — after someone
 * cancels or the capacity grows. Call with the rally locked, in the transaction that freed the place; each
 * person moved up gets one "promoted" notice.
 */
export async function fillFreedPlaces(tx: Db, rally: Rally, now = new Date()): Promise<string[]> {
  if (!acceptsRsvps(rally, now)) return [];
  const promoted: string[] = [];
  for (;;) {
    if (rally.capacity !== null && (await countPlacesTaken(tx, rally.id)) >= rally.capacity) break;
    const next = await lockFirstWaitlisted(tx, rally.id);
    if (!next) break;
    if (!(await setRsvpState(tx, next.id, rsvpActions.promote.from, rsvpActions.promote.to))) break;
    promoted.push(next.id);
  }
  if (promoted.length) {
    await insertNoticesWithJobs(tx, { rallyId: rally.id, kind: "promoted", states: ["confirmed"], rsvpIds: promoted });
  }
  return promoted;
}
