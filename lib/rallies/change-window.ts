import { env } from "@/lib/env";

/**
 * Edits of time or place within this many seconds of the last one make one change notice
 * (RALLY_CHANGE_WINDOW_SECONDS, default 60; the end-to-end tests shorten it).
 */
export function changeWindowSeconds(): number {
  return env().RALLY_CHANGE_WINDOW_SECONDS;
}
