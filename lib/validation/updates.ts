import { z } from "zod";
import { locales } from "@/lib/i18n/locales";
import { parseLocalDateTime } from "@/lib/time/zoned";
import { idSchema, localizedText, versionSchema } from "./organizers";

/**
 * The update forms of the dashboard. A body may be up to MAX_BODY_CHARS (lib/updates/markdown.ts): one more
 * character here and the schema says `markdown_too_long`; what it may contain is checked by the domain
 * operation (raw HTML, images, other links), with a message per language.
 */
const fields = z.object({
  title: localizedText(200),
  // Longer bodies reach the domain, which refuses them with the Markdown limit's own message.
  body: localizedText(60_000),
  defaultLocale: z.enum(locales, { error: "invalid" }),
});

export const updateCreateSchema = fields.extend({ campaignId: idSchema });
export const updateEditSchema = fields.extend({ updateId: idSchema, version: versionSchema });
export const updateTransitionSchema = z.object({ updateId: idSchema, version: versionSchema });
export const updateScheduleSchema = updateTransitionSchema.extend({
  scheduledAt: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .refine((s) => parseLocalDateTime(s) !== null, { error: "invalid_datetime" }),
});
export const updateTestSchema = z.object({ updateId: idSchema, testLocale: z.enum(locales, { error: "invalid" }) });

export type UpdateFieldsInput = z.infer<typeof fields>;
export type UpdateCreateInput = z.infer<typeof updateCreateSchema>;
export type UpdateEditInput = z.infer<typeof updateEditSchema>;
