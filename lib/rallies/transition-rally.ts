import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { type Rally, updateRallyGuarded } from "@/db/queries/rallies";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeRally } from "./authorize-rally";
import { type RallyAction, canPerform, rallyActions } from "./state";

/**
 * The shared path of announce, hold and cancel: authorize, the state table, the version the organizer saw,
 * then a guarded UPDATE (two organizers pressing at once cannot both succeed), whatever goes with it
 * (`after`: notices), and the audit entry — one transaction.
 */
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
  return db.transaction(async (tx) => {
    const { actor: a, rally } = await authorizeRally(tx, actor, input.rallyId, { lock: true });
    if (!canPerform(rally.state, action)) throw new AppError("illegal_transition", { form: `illegal_rally_${action}` });
    if (rally.version !== input.version) throw new AppError("conflict", { form: "version_conflict" });
    const now = options.now ?? new Date();
    await options.check?.(rally, tx, now);
    const row = await updateRallyGuarded(tx, rally.id, { from: rallyActions[action].from, version: input.version }, {
      state: rallyActions[action].to,
      ...options.set?.(rally, now),
    });
    if (!row) throw new AppError("conflict", { form: "version_conflict" });
    const details = (await options.after?.(row, tx, now)) ?? {};
    await insertAuditEntry(tx, {
      actorId: a.userId,
      action: `rally.${action}`,
      entityType: "rally",
      entityId: rally.id,
      campaignId: rally.campaignId,
      details: { from: rally.state, to: row.state, ...details },
    });
    return row;
  });
}
