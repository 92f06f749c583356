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

/**
 * GOV.UK's rule for late confirmations: a signature made while the petition was open may still be confirmed
 * for this long after signing ended (closed by an organizer, or the deadline passed); then the count is final.
 * db/queries/signatures.ts applies the same rule in SQL.
 */
export const CONFIRM_GRACE_HOURS = 24;

/** When signing ended: the close, or the deadline once passed; null while open. Only a closed (or expired) petition has one. */
export function signingEndedAt(p: { state: PetitionState; deadline: Date | null; closedAt: Date | null }, now = new Date()): Date | null {
  if (p.state === "published") return p.deadline && p.deadline <= now ? p.deadline : null;
  if (p.state !== "closed") return null;
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
