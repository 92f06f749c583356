import type { Db } from "@/db";
import type { AuditAction } from "@/lib/audit/actions";
import { recordChange } from "@/lib/audit/record-change";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";

/** A row with a lifecycle: its campaign (a campaign is its own), state and version. */
type Lifecycled = { id: string; state: string; version: number; campaignId?: string };

/**
 * The one path of every organizer's state change (a petition's publish … archive, a campaign's review, a
 * rally's announce, hold, cancel, an update's send, schedule, pause …), in one transaction: authorize (role and ownership), the lifecycle table
 * (`canPerform`), the version the organizer saw, the entity's own checks, a guarded UPDATE (two organizers
 * pressing at once cannot both succeed), what goes with it (`after`: notices), and the audit entry.
 */
export async function runTransition<E extends Lifecycled, R extends Lifecycled = E>(
  db: Db,
  t: {
    entity: "petition" | "campaign" | "rally" | "update";
    /** What the audit log says (`petition.publish` …). */
    action: AuditAction;
    version: number;
    /** The actor and the row, locked when the change depends on what else is read. */
    authorize: (tx: Db) => Promise<{ actor: Actor; row: E }>;
    canPerform: (state: E["state"]) => boolean;
    /** The form message when the lifecycle table refuses (`illegal_<action>` …). */
    illegal: string;
    now?: Date;
    check?: (row: E, tx: Db, now: Date) => Promise<void> | void;
    /** The guarded UPDATE (from the state and version read); null when another change came first. */
    update: (tx: Db, row: E, now: Date) => Promise<R | null | undefined>;
    after?: (row: R, tx: Db, now: Date) => Promise<Record<string, unknown> | void>;
    details?: Record<string, unknown>;
  },
): Promise<R> {
  return db.transaction(async (tx) => {
    const { actor, row } = await t.authorize(tx);
    if (!t.canPerform(row.state)) throw new AppError("illegal_transition", { form: t.illegal });
    if (row.version !== t.version) throw new AppError("conflict", { form: "version_conflict" });
    const now = t.now ?? new Date();
    await t.check?.(row, tx, now);
    const updated = await t.update(tx, row, now);
    if (!updated) throw new AppError("conflict", { form: "version_conflict" });
    const details = (await t.after?.(updated, tx, now)) ?? {};
    await recordChange(tx, actor, t.action, { type: t.entity, id: row.id, campaignId: row.campaignId ?? row.id }, { from: row.state, to: updated.state, ...t.details, ...details });
    return updated;
  });
}
