import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { closeChange, listRalliesStartingSoon, lockDueChanges, lockRally } from "@/db/queries/rallies";
import { insertNoticesWithJobs } from "./notices";
import { atLocalTime } from "@/lib/time/zoned";
import { changeWindowSeconds } from "./change-window";
import { attendingRsvpStates, informedRsvpStates, isLive } from "./state";

/** In the rally's own time zone: "still coming?" the day before at 11:00, a reminder the day itself at 08:00. */
export const DAY_BEFORE = { days: -1, hour: 11 } as const;
export const DAY_OF = { days: 0, hour: 8 } as const;

/** When each reminder of a rally is due, or null where it is skipped. */
export function reminderTimes(rally: { startsAt: Date; timeZone: string; announcedAt: Date | null }) {
  const dayBefore = atLocalTime(rally.startsAt, rally.timeZone, DAY_BEFORE);
  const dayOf = atLocalTime(rally.startsAt, rally.timeZone, DAY_OF);
  const announced = rally.announcedAt ?? rally.startsAt;
  return {
    // Skipped when the rally was announced after it was due.
    day_before: dayBefore && announced < dayBefore ? dayBefore : null,
    // Skipped when the rally starts before 08:00, or was announced after 08:00 that day.
    day_of: dayOf && dayOf < rally.startsAt && announced < dayOf ? dayOf : null,
  };
}

export type SweepResult = { changes: number; notices: number };

/**
 * Enqueues whatever rally mail is due at `now` (the clock is a parameter, so tests drive it): change
 * notices for changes whose coalescing window closed, then the reminders. Every notice is a row with a
 * primary key (attendee, kind, key) inserted with its email job in one statement, so running this twice,
 * on two workers, or again after a restart sends nothing twice.
 */
export async function sweepRallies(db: Db, now = new Date(), options: { windowSeconds?: number } = {}): Promise<SweepResult> {
  const windowMs = (options.windowSeconds ?? changeWindowSeconds()) * 1000;
  let changes = 0;
  let notices = 0;

  await db.transaction(async (tx) => {
    // A change is due when no edit came for a whole window.
    const due = await lockDueChanges(tx, new Date(now.getTime() - windowMs));
    for (const change of due) {
      const rally = await lockRally(tx, change.rallyId);
      if (!rally || !isLive(rally.state)) {
        await closeChange(tx, change.id, { notifiedAt: now, sequence: null });
        continue;
      }
      const told = await insertNoticesWithJobs(tx, {
        rallyId: rally.id,
        kind: "changed",
        key: change.id,
        states: informedRsvpStates,
      });
      await closeChange(tx, change.id, { notifiedAt: now, sequence: rally.sequence });
      changes++;
      notices += told.length;
    }
  });

  for (const rally of await listRalliesStartingSoon(db, now)) {
    const times = reminderTimes(rally);
    for (const kind of ["day_before", "day_of"] as const) {
      const dueAt = times[kind];
      if (!dueAt || now < dueAt || now >= rally.startsAt) continue;
      const told = await insertNoticesWithJobs(db, {
        rallyId: rally.id,
        kind,
        states: attendingRsvpStates,
        // Someone who registered after the reminder was due has just read everything it would say.
        where: sql`r.confirmed_at <= ${dueAt.toISOString()}::timestamptz`,
      });
      notices += told.length;
    }
  }
  return { changes, notices };
}
