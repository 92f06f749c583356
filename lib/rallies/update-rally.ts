import type { Db } from "@/db";
import { insertChange, lockOpenChange, updateOpenChange, updateRallyGuarded } from "@/db/queries/rallies";
import { AppError } from "@/lib/errors";
import type { Localized } from "@/lib/i18n/locales";
import type { Jobs } from "@/lib/jobs/boss";
import type { Actor } from "@/lib/organizers/access";
import type { RallyUpdateInput } from "@/lib/validation/rallies";
import { authorizeRally } from "./authorize-rally";
import { changeWindowSeconds } from "./change-window";
import { changedFields, checkPlace, detailColumns, placeOf, resolveTimes, whenOf } from "./rally-details";
import { isEditable, isLive, rallyActions } from "./state";
import { recordChange } from "@/lib/audit/record-change";

export type RallyCtx = { db: Db; jobs: Pick<Jobs, "enqueue"> };

const hasText = (m: Localized | undefined): m is Localized => !!m && Object.values(m).some((s) => s.trim() !== "");

/**
 * Saves a rally's details. On a live rally a change of time or place is a transition to "changed": it is
 * recorded as the rally's open change (edits within the coalescing window merge into it, keeping what it
 * was before the first), and a sweep is queued for when the window closes, which tells everyone once.
 * The change, its audit entry and the queued sweep commit together. Every save of a visible rally raises
 * its calendar SEQUENCE.
 */
export async function updateRally(ctx: RallyCtx, actor: Actor | null, input: RallyUpdateInput, options: { now?: Date } = {}) {
  return ctx.db.transaction(async (tx) => {
    const { actor: a, rally } = await authorizeRally(tx, actor, input.rallyId, { lock: true });
    if (!isEditable(rally.state)) throw new AppError("illegal_transition", { form: "rally_not_editable" });
    if (rally.version !== input.version) throw new AppError("conflict", { form: "version_conflict" });
    checkPlace(input);
    const now = options.now ?? new Date();
    const times = resolveTimes(input, rally.timeZone, { now, startMayBePast: rally.startsAt });
    const columns = detailColumns(input, times);
    const fields = changedFields({ ...whenOf(rally), ...placeOf(rally) }, { ...whenOf(columns), ...placeOf(columns) });
    const live = isLive(rally.state);
    const toChanged = live && fields.length > 0;
    const row = await updateRallyGuarded(tx, rally.id, { from: [rally.state], version: input.version }, {
      ...columns,
      ...(toChanged ? { state: rallyActions.change.to } : {}),
      ...(live ? { sequence: rally.sequence + 1 } : {}),
    });
    if (!row) throw new AppError("conflict", { form: "version_conflict" });
    const message = hasText(input.changeMessage) ? input.changeMessage : null;
    if (toChanged) {
      const open = await lockOpenChange(tx, rally.id);
      if (open) {
        const merged = [...new Set([...open.fields, ...fields])];
        await updateOpenChange(tx, open.id, { fields: merged, message: message ?? open.message });
      } else {
        await insertChange(tx, { rallyId: rally.id, fields, before: { ...whenOf(rally), ...placeOf(rally) }, message });
      }
      await ctx.jobs.enqueue(tx, "rallySweep", {}, { startAfter: changeWindowSeconds() + 1 });
    }
    await recordChange(tx, a, toChanged ? "rally.change" : "rally.update", { type: "rally", id: rally.id, campaignId: rally.campaignId }, toChanged ? { from: rally.state, to: row.state, changed: fields } : {});
    return row;
  });
}
