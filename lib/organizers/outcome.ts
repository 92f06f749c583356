import { type ErrorCode, isAppError } from "@/lib/errors";

/**
 * How a dashboard page or route answers a refused operation: anonymous visitors are sent to sign in; a role
 * or ownership failure is a plain 404 (an organizer learns nothing about rows that are not theirs).
 */
export type PageOutcome = "sign-in" | 404;

export function pageOutcome(code: ErrorCode): PageOutcome | null {
  if (code === "unauthenticated") return "sign-in";
  if (code === "not_found" || code === "forbidden") return 404;
  return null;
}

export function refusal(error: unknown): PageOutcome | null {
  return isAppError(error) ? pageOutcome(error.code) : null;
}
