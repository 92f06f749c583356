import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { type CampaignUpdate, type UpdateWithTexts, updateUpdateGuarded } from "@/db/queries/updates";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeUpdate } from "./authorize-update";
import { type UpdateAction, canPerform, updateActions } from "./state";

/**
 * The shared path of every organizer's button on an update: authorize, the state table, the version the
 * organizer saw, a guarded UPDATE (two organizers pressing at once cannot both succeed), what goes with it
 * (`after`), and the audit entry — one transaction.
 */
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
  return db.transaction(async (tx) => {
    const { actor: a, update } = await authorizeUpdate(tx, actor, input.updateId, { lock: true });
    if (!canPerform(update.state, action)) throw new AppError("illegal_transition", { form: `illegal_update_${action}` });
    if (update.version !== input.version) throw new AppError("conflict", { form: "version_conflict" });
    const now = options.now ?? new Date();
    await options.check?.(update, tx, now);
    const row = await updateUpdateGuarded(tx, update.id, { from: updateActions[action].from, version: input.version }, {
      state: updateActions[action].to,
      ...(await options.set?.(update, tx, now)),
    });
    if (!row) throw new AppError("conflict", { form: "version_conflict" });
    const details = (await options.after?.(row, tx, now)) ?? {};
    await insertAuditEntry(tx, {
      actorId: a.userId,
      action: `update.${action}`,
      entityType: "update",
      entityId: update.id,
      campaignId: update.campaignId,
      details: { from: update.state, to: row.state, ...details },
    });
    return row;
  });
}
