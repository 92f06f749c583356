import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { timeZone } from "@/lib/i18n/locales";
import { parseLocalDateTime, zonedToUtc } from "@/lib/time/zoned";
import { assertSendable } from "./check-texts";
import { nextUpdateAllowedAt } from "./frequency";
import { transitionUpdate } from "./transition-update";

/** Schedules a written update for a later time (typed on Almaty's clock), within the weekly cap. */
export async function scheduleUpdate(db: Db, actor: Actor | null, input: { updateId: string; version: number; scheduledAt: string }, options: { now?: Date } = {}) {
  const at = zonedToUtc(parseLocalDateTime(input.scheduledAt)!, timeZone);
  if (!at) throw new AppError("invalid_input", { scheduledAt: "invalid_datetime" });
  return transitionUpdate(db, actor, input, "schedule", {
    now: options.now,
    async check(u, tx, now) {
      if (at.getTime() <= now.getTime()) throw new AppError("invalid_input", { scheduledAt: "update_schedule_past" });
      assertSendable(u);
      if (await nextUpdateAllowedAt(tx, u.campaignId, at, u.id)) throw new AppError("conflict", { form: "update_too_frequent" });
    },
    set: () => ({ scheduledAt: at }),
    after: async () => ({ scheduledAt: at.toISOString() }),
  });
}

/** Back to a draft: it will not go at its time. */
export async function unscheduleUpdate(db: Db, actor: Actor | null, input: { updateId: string; version: number }) {
  return transitionUpdate(db, actor, input, "unschedule", { set: () => ({ scheduledAt: null }) });
}
