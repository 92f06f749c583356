import type { Db } from "@/db";
import { type Rally, updateRallyGuarded } from "@/db/queries/rallies";
import { runTransition } from "@/lib/lifecycle/transition";
import type { Actor } from "@/lib/organizers/access";
import { authorizeRally } from "./authorize-rally";
import { type RallyAction, canPerform, rallyActions } from "./state";

/** Announce, hold and cancel (lib/lifecycle/transition.ts): the rally row locked, `after` sends the notices. */
export async function transitionRally(
  db: Db,
  actor: Actor | null,
  input: { rallyId: string; version: number },
  action: Exclude<RallyAction, "change">,
  options: {
    now?: Date;
    check?: (rally: Rally, tx: Db, now: Date) => Promise<void> | void;
    set?: (rally: Rally, now: Date) => Parameters<typeof updateRallyGuarded>[3];
    after?: (rally: Rally, tx: Db, now: Date) => Promise<Record<string, unknown> | void>;
  } = {},
): Promise<Rally> {
  return runTransition<Rally>(db, {
    entity: "rally",
    action: `rally.${action}`,
    version: input.version,
    authorize: async (tx) => {
      const { actor: a, rally } = await authorizeRally(tx, actor, input.rallyId, { lock: true });
      return { actor: a, row: rally };
    },
    canPerform: (state) => canPerform(state, action),
    illegal: `illegal_rally_${action}`,
    now: options.now,
    check: options.check,
    update: (tx, rally, now) =>
      updateRallyGuarded(tx, rally.id, { from: rallyActions[action].from, version: input.version }, { state: rallyActions[action].to, ...options.set?.(rally, now) }),
    after: options.after,
  });
}
