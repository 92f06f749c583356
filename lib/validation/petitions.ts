import { z } from "zod";

/** URL slugs: lower-case letters, digits and single hyphens. */
export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/**
 * The query of a page of the public list of signers: nothing (the newest names), or `older` / `newer` — the id
 * of a name the list showed. Unknown keys are ignored (tracking parameters); two starts, or a start that is no
 * id, are no page.
 */
export const signersPageSchema = z
  .object({ older: z.uuid().optional(), newer: z.uuid().optional() })
  .refine((q) => !(q.older && q.newer));
