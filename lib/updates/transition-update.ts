import type { Db } from "@/db";
import { type CampaignUpdate, type UpdateWithTexts, updateUpdateGuarded } from "@/db/queries/updates";
import { runTransition } from "@/lib/lifecycle/transition";
import type { Actor } from "@/lib/organizers/access";
import { authorizeUpdate } from "./authorize-update";
import { type UpdateAction, canPerform, updateActions } from "./state";

/** Every organizer's button on an update (lib/lifecycle/transition.ts): the update row locked, `after` does what goes with it. */
export async function transitionUpdate(
  db: Db,
  actor: Actor | null,
  input: { updateId: string; version: number },
  action: Exclude<UpdateAction, "finish">,
  options: {
    now?: Date;
    check?: (update: UpdateWithTexts, tx: Db, now: Date) => Promise<void> | void;
    set?: (update: UpdateWithTexts, tx: Db, now: Date) => Promise<Parameters<typeof updateUpdateGuarded>[3]> | Parameters<typeof updateUpdateGuarded>[3];
    after?: (update: CampaignUpdate, tx: Db, now: Date) => Promise<Record<string, unknown> | void>;
  } = {},
): Promise<CampaignUpdate> {
  return runTransition<UpdateWithTexts, CampaignUpdate>(db, {
    entity: "update",
    action: `update.${action}`,
    version: input.version,
    authorize: async (tx) => {
      const { actor: a, update } = await authorizeUpdate(tx, actor, input.updateId, { lock: true });
      return { actor: a, row: update };
    },
    canPerform: (state) => canPerform(state, action),
    illegal: `illegal_update_${action}`,
    now: options.now,
    check: options.check,
    update: async (tx, update, now) =>
      updateUpdateGuarded(tx, update.id, { from: updateActions[action].from, version: input.version }, { state: updateActions[action].to, ...(await options.set?.(update, tx, now)) }),
    after: options.after,
  });
}
