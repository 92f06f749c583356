import type { Db } from "@/db";
import { closeChange, lockOpenChange } from "@/db/queries/rallies";
import { insertNoticesWithJobs } from "./notices";
import type { Localized } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { informedRsvpStates } from "./state";
import { transitionRally } from "./transition-rally";

/**
 * Cancels a live rally. In the same transaction: the calendar SEQUENCE rises (STATUS:CANCELLED), a change
 * not yet sent is dropped (the cancellation says more), and every confirmed or waitlisted attendee gets one
 * cancellation notice, with the organizers' message.
 */
export async function cancelRally(db: Db, actor: Actor | null, input: { rallyId: string; version: number; cancelNote: Localized }, options: { now?: Date } = {}) {
  const hasNote = Object.values(input.cancelNote).some((s) => s.trim() !== "");
  return transitionRally(db, actor, input, "cancel", {
    now: options.now,
    set: (rally, now) => ({ cancelledAt: now, cancelNote: hasNote ? input.cancelNote : null, sequence: rally.sequence + 1 }),
    async after(rally, tx, now) {
      const open = await lockOpenChange(tx, rally.id);
      if (open) await closeChange(tx, open.id, { notifiedAt: now, sequence: null });
      const told = await insertNoticesWithJobs(tx, { rallyId: rally.id, kind: "cancelled", states: informedRsvpStates });
      return { notified: told.length };
    },
  });
}
