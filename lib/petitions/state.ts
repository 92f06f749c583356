import {
  CONFIRM_GRACE_HOURS,
  closedStates,
  editablePetitionStates,
  petitionActions,
  signableStates,
  transitionsOf,
  visiblePetitionStates,
} from "@/db/lifecycles";
import { petitionStates } from "@/db/schema/petitions";

/**
 * A petition's lifecycle: the one table is `petitionActions` (db/lifecycles.ts, beside the schema, so the
 * queries share it); transitions, groups and rules here are derived from it. `isOpenForSigning` is the
 * function twin of the queries' `openForSigningSql`.
 */
export type PetitionState = (typeof petitionStates)[number];
export { CONFIRM_GRACE_HOURS, petitionActions, petitionStates, signableStates };
export const visibleStates = visiblePetitionStates;
export const editableStates = editablePetitionStates;

/** Derived from the one table (petitionActions, db/lifecycles.ts): where each state can go. */
export const transitions = transitionsOf(petitionStates, petitionActions);

export function canTransition(from: PetitionState, to: PetitionState): boolean {
  return transitions[from].includes(to);
}

export function isVisible(state: PetitionState): boolean {
  return (visibleStates as readonly PetitionState[]).includes(state);
}

/** The deadline, if any, is behind us. */
export function deadlinePassed(p: { deadline: Date | null }, now = new Date()): boolean {
  return p.deadline !== null && p.deadline <= now;
}

/** Signable: a signable state and the deadline (if any) not passed (SQL: `openForSigningSql`). */
export function isOpenForSigning(p: { state: PetitionState; deadline: Date | null }, now = new Date()): boolean {
  return (signableStates as readonly PetitionState[]).includes(p.state) && !deadlinePassed(p, now);
}

/** The state the public is told: a signable petition whose deadline passed is closed, whatever its row says. */
export function publicState(p: { state: PetitionState; deadline: Date | null }, now = new Date()): PetitionState {
  return (signableStates as readonly PetitionState[]).includes(p.state) && deadlinePassed(p, now) ? closedStates[0] : p.state;
}

/** When signing ended: the close, or the deadline once passed; null while open. Only a closed (or expired) petition has one. */
export function signingEndedAt(p: { state: PetitionState; deadline: Date | null; closedAt: Date | null }, now = new Date()): Date | null {
  if ((signableStates as readonly PetitionState[]).includes(p.state)) return deadlinePassed(p, now) ? p.deadline : null;
  if (!(closedStates as readonly PetitionState[]).includes(p.state)) return null;
  const ends = [p.closedAt, p.deadline].filter((d): d is Date => d !== null);
  return ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
}

/** Until when late confirmations still count, while that is in the future; null otherwise. */
export function lateConfirmationsUntil(p: Parameters<typeof signingEndedAt>[0], now = new Date()): Date | null {
  const ended = signingEndedAt(p, now);
  if (!ended) return null;
  const until = new Date(ended.getTime() + CONFIRM_GRACE_HOURS * 3_600_000);
  return until > now ? until : null;
}

export function isEditable(state: PetitionState): boolean {
  return (editableStates as readonly PetitionState[]).includes(state);
}

export type PetitionAction = keyof typeof petitionActions;

export function canPerform(state: PetitionState, action: PetitionAction): boolean {
  const { from, to } = petitionActions[action];
  return (from as readonly PetitionState[]).includes(state) && canTransition(state, to);
}

/** The actions offered for a petition in this state, in the order the dashboard shows them. */
export function availableActions(state: PetitionState): PetitionAction[] {
  return (Object.keys(petitionActions) as PetitionAction[]).filter((action) => canPerform(state, action));
}
