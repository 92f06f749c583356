import type { Db } from "@/db";
import { withdrawQueuedEmails } from "@/db/queries/updates";
import type { Actor } from "@/lib/organizers/access";
import { transitionUpdate } from "./transition-update";

/**
 * Pauses a send: the fan-out stops at its next page, and every email still waiting in the outbox is taken back
 * (with its delivery row). Emails already in a provider batch are on their way. Resume enqueues the rest.
 */
export async function pauseUpdate(db: Db, actor: Actor | null, input: { updateId: string; version: number }) {
  return transitionUpdate(db, actor, input, "pause", {
    after: async (u, tx) => ({ withdrawn: await withdrawQueuedEmails(tx, u.id) }),
  });
}

/**
 * Resumes a paused send: the fan-out pages through the list again from the start; whoever already has a
 * delivery row (sent or on its way) conflicts and is skipped, so nobody gets it twice.
 */
export async function resumeUpdate(db: Db, actor: Actor | null, input: { updateId: string; version: number }) {
  return transitionUpdate(db, actor, input, "resume", { set: () => ({ fanoutCursor: null, fanoutDoneAt: null, fanoutLeaseUntil: null }) });
}

/** Cancels a scheduled, sending or paused update: what is still queued is taken back; it never goes public. */
export async function cancelUpdate(db: Db, actor: Actor | null, input: { updateId: string; version: number }) {
  return transitionUpdate(db, actor, input, "cancel", {
    set: (_u, _tx, now) => ({ cancelledAt: now }),
    after: async (u, tx) => ({ withdrawn: await withdrawQueuedEmails(tx, u.id) }),
  });
}
