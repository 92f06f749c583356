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

/** Only drafts can be edited: once people sign, the text they signed stays as it was. */
export const editableStates = ["draft"] as const satisfies readonly PetitionState[];

export function isEditable(state: PetitionState): boolean {
  return (editableStates as readonly PetitionState[]).includes(state);
}

/** What an organizer can do to a petition, each one a transition above. */
export const petitionActions = {
  publish: { from: ["draft"], to: "published" },
  close: { from: ["published"], to: "closed" },
  reopen: { from: ["closed"], to: "published" },
  deliver: { from: ["closed"], to: "delivered" },
  archive: { from: ["draft", "closed", "delivered"], to: "archived" },
} as const satisfies Record<string, { from: readonly PetitionState[]; to: PetitionState }>;

export type PetitionAction = keyof typeof petitionActions;

export function canPerform(state: PetitionState, action: PetitionAction): boolean {
  const { from, to } = petitionActions[action];
  return (from as readonly PetitionState[]).includes(state) && canTransition(state, to);
}

/** The actions offered for a petition in this state, in the order the dashboard shows them. */
export function availableActions(state: PetitionState): PetitionAction[] {
  return (Object.keys(petitionActions) as PetitionAction[]).filter((action) => canPerform(state, action));
}
