import type { z } from "zod";

/** A message that is already a catalogue code (`too_long`, `email_invalid`), not zod's English default. */
const CODE = /^[a-z_]+$/;

/**
 * The one way zod issues become field errors: field path (`title.kk`, or `form` for the whole input) → message
 * code, the first issue per field. An issue whose message is not a code (zod's default text) gets `fallback(field)`.
 */
export function fieldErrors(error: z.ZodError, fallback: (field: string) => string = () => "invalid"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "form";
    out[path] ??= CODE.test(issue.message) ? issue.message : fallback(path);
  }
  return out;
}
