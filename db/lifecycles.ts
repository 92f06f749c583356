import { type SQLWrapper, sql } from "drizzle-orm";
import type { campaignStates } from "./schema/campaigns";
import type { petitionStates } from "./schema/petitions";
import type { rallyStates } from "./schema/rallies";
import type { updateStates } from "./schema/updates";

/**
 * THE tables of each entity's lifecycle: what an organizer can do, from which states, to which; and the rules
 * both the queries (as SQL) and the domain and pages (as functions, lib/<domain>/state.ts) apply. Here, beside
 * the schema, because the data layer needs them too and does not depend on lib/; lib/<domain>/state.ts derives
 * transitions, groups and predicates from these, and nothing else spells a state's name in a rule.
 */

type Actions<S extends string> = Record<string, { from: readonly S[]; to: S }>;

/** Every state reachable from each state by some action of the table. */
export function transitionsOf<S extends string>(states: readonly S[], actions: Actions<S>): Record<S, readonly S[]> {
  const all = Object.values(actions);
  return Object.fromEntries(states.map((s) => [s, [...new Set(all.filter((a) => a.from.includes(s)).map((a) => a.to))]])) as Record<S, S[]>;
}

const list = (states: readonly string[]) => sql.join(states.map((s) => sql`${s}`), sql`, `);

// ── Campaigns ────────────────────────────────────────────────────────────────────────────────────────────
type CampaignState = (typeof campaignStates)[number];

/**
 * Any organizer can write a campaign, but it goes public only when an admin approves it: organizers submit it
 * for review; admins approve (or publish their own draft directly) or refuse with a reason. Taking it down makes
 * it a draft again, which needs a new review to come back.
 */
export const campaignActions = {
  submit: { from: ["draft"], to: "pending_review", adminOnly: false },
  approve: { from: ["pending_review", "draft"], to: "published", adminOnly: true },
  refuse: { from: ["pending_review"], to: "draft", adminOnly: true },
  unpublish: { from: ["published"], to: "draft", adminOnly: false },
} as const satisfies Record<string, { from: readonly CampaignState[]; to: CampaignState; adminOnly: boolean }>;

/** Public: its profile, petitions and rallies are on the site. */
export const publicCampaignStates = [campaignActions.approve.to] as const satisfies readonly CampaignState[];

/** "Public" in SQL (`isPublicCampaign` in lib/campaigns/state.ts). */
export const campaignIsPublicSql = (state: SQLWrapper) => sql`(${state} in (${list(publicCampaignStates)}))`;


// ── Petitions ────────────────────────────────────────────────────────────────────────────────────────────
type PetitionState = (typeof petitionStates)[number];

export const petitionActions = {
  publish: { from: ["draft"], to: "published" },
  close: { from: ["published"], to: "closed" },
  reopen: { from: ["closed"], to: "published" },
  deliver: { from: ["closed"], to: "delivered" },
  archive: { from: ["draft", "closed", "delivered"], to: "archived" },
} as const satisfies Record<string, { from: readonly PetitionState[]; to: PetitionState }>;

/** Accepting signatures — and only until the deadline, if it has one. */
export const signableStates = [petitionActions.publish.to] as const satisfies readonly PetitionState[];
/** Signing has ended by an organizer's close (late confirmations may still count for a while). */
export const closedStates = [petitionActions.close.to] as const satisfies readonly PetitionState[];
/** Shown to the public. */
export const visiblePetitionStates = ["published", "closed", "delivered"] as const satisfies readonly PetitionState[];
/** Only drafts can be edited: once people sign, the text they signed stays as it was. */
export const editablePetitionStates = ["draft"] as const satisfies readonly PetitionState[];

/**
 * GOV.UK's rule for late confirmations: a signature made while the petition was open may still be confirmed
 * for this long after signing ended (closed by an organizer, or the deadline passed); then the count is final.
 */
export const CONFIRM_GRACE_HOURS = 24;


/**
 * "Open for signing" in SQL: a signable state and the deadline (if any) not passed — the same constants as
 * `isOpenForSigning` (lib/petitions/state.ts). Columns are passed in so aliased raw SQL can use it too.
 */
export function openForSigningSql(state: SQLWrapper, deadline: SQLWrapper) {
  return sql`(${state} in (${list(signableStates)}) and (${deadline} is null or ${deadline} > now()))`;
}

/** When signing ended: the close, or the deadline once passed; null while open (as `signingEndedAt` in lib). */
export function signingEndedAtSql(state: SQLWrapper, deadline: SQLWrapper, closedAt: SQLWrapper) {
  return sql`(case
  when ${state} in (${list(signableStates)}) then (case when ${deadline} <= now() then ${deadline} end)
  when ${state} in (${list(closedStates)}) then least(${closedAt}, ${deadline})
end)`;
}

// ── Rallies ──────────────────────────────────────────────────────────────────────────────────────────────
type RallyState = (typeof rallyStates)[number];

/** draft → announced → (changed …) → held | cancelled */
export const rallyActions = {
  announce: { from: ["draft"], to: "announced" },
  /** An edit of time or place after announcing: people are told. */
  change: { from: ["announced", "changed"], to: "changed" },
  hold: { from: ["announced", "changed"], to: "held" },
  cancel: { from: ["announced", "changed"], to: "cancelled" },
} as const satisfies Record<string, { from: readonly RallyState[]; to: RallyState }>;

/** Everything reached from "draft" by an action: what the public may see. */
export const visibleRallyStates = [...new Set(Object.values(rallyActions).map((a) => a.to))] as readonly RallyState[];

// ── Updates ──────────────────────────────────────────────────────────────────────────────────────────────
type UpdateState = (typeof updateStates)[number];

/**
 * draft → (scheduled →) sending ⇄ paused → sent, or cancelled before it is sent. `finish` is the fan-out's own
 * step once every email has left; the rest are an organizer's buttons.
 */
export const updateActions = {
  schedule: { from: ["draft"], to: "scheduled" },
  unschedule: { from: ["scheduled"], to: "draft" },
  send: { from: ["draft", "scheduled"], to: "sending" },
  pause: { from: ["sending"], to: "paused" },
  resume: { from: ["paused"], to: "sending" },
  cancel: { from: ["scheduled", "sending", "paused"], to: "cancelled" },
  finish: { from: ["sending"], to: "sent" },
} as const satisfies Record<string, { from: readonly UpdateState[]; to: UpdateState }>;

/** On the public pages and in the feed. */
export const publicUpdateStates = [updateActions.finish.to] as const satisfies readonly UpdateState[];
/** Its text can still change. */
export const editableUpdateStates = ["draft"] as const satisfies readonly UpdateState[];
/** Counted by the frequency guard: it has gone, is going or will go to the list. */
export const countedUpdateStates = ["scheduled", "sending", "paused", "sent"] as const satisfies readonly UpdateState[];

export const updateIsPublicSql = (state: SQLWrapper) => sql`(${state} in (${list(publicUpdateStates)}))`;
export const updateIsCountedSql = (state: SQLWrapper) => sql`(${state} in (${list(countedUpdateStates)}))`;
