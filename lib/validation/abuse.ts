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

export const abuseFlagIdSchema = z.object({ flagId: idSchema });
