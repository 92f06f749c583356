import { type ErrorCode, isAppError } from "@/lib/errors";

/**
 * How a dashboard page or route answers a refused operation: anonymous visitors are sent to sign in, an admin
 * whose second factor is still to come to its page; a role
 * or ownership failure is a plain 404 (an organizer learns nothing about rows that are not theirs).
 */
export type PageOutcome = "sign-in" | "second-factor" | 404;

export function pageOutcome(code: ErrorCode): PageOutcome | null {
  if (code === "unauthenticated") return "sign-in";
  if (code === "second_factor_required") return "second-factor";
  if (code === "not_found" || code === "forbidden") return 404;
  return null;
}

export function refusal(error: unknown): PageOutcome | null {
  return isAppError(error) ? pageOutcome(error.code) : null;
}
