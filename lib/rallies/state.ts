import { rallyActions, transitionsOf, visibleRallyStates } from "@/db/lifecycles";
import { type rallyNoticeKinds, rallyStates, rsvpStates } from "@/db/schema/rallies";

export type RallyState = (typeof rallyStates)[number];
export type RsvpState = (typeof rsvpStates)[number];
export type RallyNoticeKind = (typeof rallyNoticeKinds)[number];
export { rallyStates, rsvpStates };

/**
 * A rally's lifecycle: the one table is `rallyActions` (db/lifecycles.ts, beside the schema, so the queries
 * share it). Everything else here is derived from it.
 *   draft → announced → (changed …) → held | cancelled
 */
export { rallyActions };

export type RallyAction = keyof typeof rallyActions;

export const rallyTransitions = transitionsOf(rallyStates, rallyActions);

export function canTransition(from: RallyState, to: RallyState): boolean {
  return rallyTransitions[from].includes(to);
}

export function canPerform(state: RallyState, action: RallyAction): boolean {
  return (rallyActions[action].from as readonly RallyState[]).includes(state);
}

/** The buttons offered for a rally in this state ("change" is an edit, not a button). */
export function availableActions(state: RallyState): Exclude<RallyAction, "change">[] {
  return (["announce", "hold", "cancel"] as const).filter((a) => canPerform(state, a));
}

/** Everything reached from "draft" by an action: what the public may see. */
export const visibleStates = visibleRallyStates;
/** Where an announcement is live: RSVPs, reminders and notices (while it has not started). */
export const liveStates = rallyActions.cancel.from as readonly RallyState[];
/** The rally's text and details can still be edited. */
export const editableStates = ["draft", ...rallyActions.change.from] as readonly RallyState[];

export const isVisible = (state: RallyState) => visibleStates.includes(state);
export const isLive = (state: RallyState) => liveStates.includes(state);
export const isEditable = (state: RallyState) => editableStates.includes(state);

/** Upcoming: live and not yet over. The rest of what is visible is the archive. */
export function isUpcoming(r: { state: RallyState; endsAt: Date }, now = new Date()): boolean {
  return isLive(r.state) && r.endsAt > now;
}

/** People can still ask for a place: live, not started. */
export function acceptsRsvps(r: { state: RallyState; startsAt: Date }, now = new Date()): boolean {
  return isLive(r.state) && r.startsAt > now;
}

/**
 * THE table of an attendee's lifecycle. `cancel` is the attendee's own (from any email) or the rally's.
 */
export const rsvpActions = {
  confirm: { from: ["pending"], to: "confirmed" },
  waitlist: { from: ["pending"], to: "waitlisted" },
  promote: { from: ["waitlisted"], to: "confirmed" },
  cancel: { from: ["pending", "confirmed", "waitlisted"], to: "cancelled" },
} as const satisfies Record<string, { from: readonly RsvpState[]; to: RsvpState }>;


/** Who hears about a change or a cancellation. */
export const informedRsvpStates = ["confirmed", "waitlisted"] as const satisfies readonly RsvpState[];
/** Who gets reminders and the "what to bring" text. */
export const attendingRsvpStates = ["confirmed"] as const satisfies readonly RsvpState[];
