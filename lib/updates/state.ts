import { countedUpdateStates, editableUpdateStates, publicUpdateStates, updateActions } from "@/db/lifecycles";
import { updateStates } from "@/db/schema/updates";

export type UpdateState = (typeof updateStates)[number];
export type UpdateAction = keyof typeof updateActions;
export { countedUpdateStates, updateActions, updateStates };

/**
 * An update's lifecycle: the one table is `updateActions` (db/lifecycles.ts).
 *   draft → (scheduled →) sending ⇄ paused → sent | cancelled
 */
export function canPerform(state: UpdateState, action: UpdateAction): boolean {
  return (updateActions[action].from as readonly UpdateState[]).includes(state);
}

/** The organizer's buttons for an update in this state (`finish` is the fan-out's). */
export function availableActions(state: UpdateState): Exclude<UpdateAction, "finish">[] {
  return (["send", "schedule", "unschedule", "pause", "resume", "cancel"] as const).filter((a) => canPerform(state, a));
}

export const isEditable = (state: UpdateState) => (editableUpdateStates as readonly UpdateState[]).includes(state);
export const isPublic = (state: UpdateState) => (publicUpdateStates as readonly UpdateState[]).includes(state);
