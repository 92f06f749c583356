import { petitionStates } from "@/db/schema/petitions";

export type PetitionState = (typeof petitionStates)[number];
export { petitionStates };

/** Shown to the public. */
export const visibleStates = ["published", "closed", "delivered"] as const satisfies readonly PetitionState[];
/** Accepting signatures (and only until the deadline). */
export const signableStates = ["published"] as const satisfies readonly PetitionState[];

export const transitions: Record<PetitionState, readonly PetitionState[]> = {
  draft: ["published", "archived"],
  published: ["closed"],
  closed: ["delivered", "published", "archived"],
  delivered: ["archived"],
  archived: [],
};

export function canTransition(from: PetitionState, to: PetitionState): boolean {
  return transitions[from].includes(to);
}

export function isVisible(state: PetitionState): boolean {
  return (visibleStates as readonly PetitionState[]).includes(state);
}

/** Signable: published and the deadline (if any) not passed. */
export function isOpenForSigning(p: { state: PetitionState; deadline: Date | null }, now = new Date()): boolean {
  return (signableStates as readonly PetitionState[]).includes(p.state) && (!p.deadline || p.deadline > now);
}
