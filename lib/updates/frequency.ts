import type { Db } from "@/db";
import { recentUpdateSlots } from "@/db/queries/updates";
import { env } from "@/lib/env";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Whether one more update at `t` keeps every 7-day window at or under `limit` (with the updates at `slots`). */
export function fitsWeeklyCap(slots: Date[], t: number, limit: number): boolean {
  const all = [...slots.map((s) => s.getTime()), t].sort((a, b) => a - b);
  // Only the windows ending at t or at a later update can gain one.
  return all.filter((x) => x >= t).every((end) => all.filter((x) => x > end - WEEK_MS && x <= end).length <= limit);
}

/**
 * The weekly cap (UPDATES_PER_WEEK, default 3, as ControlShift caps a list): null when the campaign may send
 * (or schedule) one more update at `at`, else the first time it may — counting every other update that went, is
 * going or is scheduled.
 */
export async function nextUpdateAllowedAt(db: Db, campaignId: string, at: Date, exceptId: string): Promise<Date | null> {
  const limit = env().UPDATES_PER_WEEK;
  const slots = await recentUpdateSlots(db, campaignId, at, exceptId);
  if (fitsWeeklyCap(slots, at.getTime(), limit)) return null;
  const candidates = slots.map((s) => s.getTime() + WEEK_MS + 1000).filter((t) => t > at.getTime()).sort((a, b) => a - b);
  const next = candidates.find((t) => fitsWeeklyCap(slots, t, limit));
  return new Date(next ?? at.getTime() + WEEK_MS);
}
