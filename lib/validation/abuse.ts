import { z } from "zod";
import { isCleanText } from "./text";
import { idSchema } from "./organizers";

/** An admin's new block or allow rule: the pattern is parsed by lib/abuse/rules.ts (range, domain or address). */
export const abuseRuleSchema = z.object({
  kind: z.enum(["block", "allow"], { error: "invalid" }),
  pattern: z.string({ error: "pattern_invalid" }).trim().min(1, "required").max(300, "too_long"),
  note: z.string().trim().max(200, "too_long").refine(isCleanText, "invalid_text").default(""),
});

export const abuseRuleIdSchema = z.object({ ruleId: idSchema });

const optional = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v), schema.optional());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "invalid_date");

/**
 * An admin's bulk invalidation filter (lib/abuse/bulk-invalidate.ts): one petition, and at least one of a name
 * (contained, any case), an email domain, an address-hash, or a date range (days in Asia/Almaty, inclusive).
 */
export const bulkFilterSchema = z
  .object({
    petitionId: idSchema,
    name: optional(z.string().max(200, "too_long").refine(isCleanText, "invalid_text")),
    domain: optional(
      z
        .string()
        .max(253, "too_long")
        .transform((v) => v.replace(/^@/, "").toLowerCase())
        .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z0-9-]{2,63}$/, "domain_invalid")),
    ),
    clientHash: optional(z.string().regex(/^[0-9a-f]{32}$/, "hash_invalid")),
    from: optional(day),
    to: optional(day),
  })
  .refine((f) => f.name || f.domain || f.clientHash || f.from || f.to, { path: ["name"], message: "filter_required" })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "range_invalid" });

export type BulkFilter = z.infer<typeof bulkFilterSchema>;

/** Run: the filter again, and the count the admin saw in the preview (a different count now refuses the run). */
export const bulkRunSchema = z.intersection(bulkFilterSchema, z.object({ expected: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(10_000_000, "invalid") }));

export const bulkReverseSchema = z.object({ invalidationId: idSchema });
export const abuseFlagIdSchema = z.object({ flagId: idSchema });
