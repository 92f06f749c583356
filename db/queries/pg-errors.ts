/** True when a statement failed on a unique constraint (SQLSTATE 23505), on either driver, wrapped or not. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint: name, constraint_name } = e as { code?: string; constraint?: string; constraint_name?: string };
    if (code === "23505") return !constraint || (name ?? constraint_name) === constraint;
  }
  return false;
}
