/** Every failure a user or client can cause has a code; the boundary maps it to a message and a status. */
export const errorStatus = {
  invalid_input: 422,
  unauthenticated: 401,
  not_found: 404,
  petition_not_found: 404,
  petition_closed: 409,
  rally_not_found: 404,
  rally_closed: 409,
  rally_full: 409,
  token_invalid: 404,
  token_expired: 410,
  /** The petition closed and its day of late confirmations is over: the count is final. Also a rally that was
   * cancelled or began, for its RSVP links. */
  confirmation_closed: 410,
  unsupported_media_type: 415,
  body_too_large: 413,
  bad_request: 400,
  rate_limited: 429,
  forbidden: 403,
  second_factor_required: 403,
  conflict: 409,
  illegal_transition: 409,
  /** A dependency is down for a while (the database): answered with a generic message. */
  unavailable: 503,
  /** Our fault, not a code anyone threw (a bug, a driver error): logged once with a request id by the boundary
   * (lib/http/boundary.tsx), answered with the translated error page. Never thrown by domain code. */
  unexpected: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: Record<string, string> = {},
  ) {
    super(code);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
