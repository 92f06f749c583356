import { parseLocalDateTime, zonedToUtc } from "@/lib/time/zoned";
import { z } from "zod";
import { locales, type Localized, timeZone } from "@/lib/i18n/locales";
import { isCleanText } from "./text";

/**
 * Every input of the organizer dashboard. Error messages are codes (`required`, `too_long` …) that the
 * boundary translates from `dashboard.errors`; paths name the form fields (`title.kk`).
 */

/** The same rule as the public `slugSchema`: lower-case letters, digits and single hyphens. */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const idSchema = z.uuid({ error: "invalid" });
export const versionSchema = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" });

/** Trimmed text with Windows line endings normalised; empty is allowed (a draft may miss a language). */
const text = (max: number) =>
  z
    .string({ error: "required" })
    .refine(isCleanText, { error: "invalid_text" })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, { error: "too_long" }));

export const localizedText = (max: number) =>
  z.object({ ru: text(max), kk: text(max), en: text(max) }) satisfies z.ZodType<Localized>;

const optionalDate = z
  .string()
  .trim()
  .transform((s) => (s === "" ? null : s))
  .pipe(z.iso.date({ error: "invalid_date" }).nullable());

export const emailSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(254, { error: "too_long" })
  .pipe(z.email({ error: "invalid_email" }))
  .transform((s) => s.toLowerCase());

export const organizerSlugSchema = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .max(80, { error: "too_long" })
  .regex(slugPattern, { error: "invalid_slug" });


export const inviteSchema = z.object({
  email: emailSchema,
  role: z.enum(["organizer", "admin"], { error: "invalid" }),
  campaignId: z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : s))
    .pipe(idSchema.nullable()),
  locale: z.enum(locales, { error: "invalid" }),
});

export const removeUserSchema = z.object({ userId: idSchema });

export const campaignCreateSchema = z.object({
  slug: organizerSlugSchema,
  name: localizedText(120),
  tagline: localizedText(200),
});

export const campaignUpdateSchema = z.object({
  campaignId: idSchema,
  version: versionSchema,
  name: localizedText(120),
  tagline: localizedText(200),
});

export const campaignStateSchema = z.object({ campaignId: idSchema, version: versionSchema });
export const campaignRefuseSchema = campaignStateSchema.extend({
  reason: z
    .string({ error: "required" })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, { error: "required" }).max(1000, { error: "too_long" })),
});

export const profileSchema = z.object({
  campaignId: idSchema,
  version: versionSchema,
  name: localizedText(120),
  role: localizedText(200),
  residence: localizedText(200),
  dateOfBirth: optionalDate,
  article: localizedText(300),
  nationality: localizedText(100),
  citizenship: localizedText(100),
  education: localizedText(300),
  health: localizedText(2000),
  summary: localizedText(1000),
  biography: localizedText(20000),
});

export const timelineEventSchema = z.object({
  campaignId: idSchema,
  occurredOn: z.string().trim().pipe(z.iso.date({ error: "invalid_date" })),
  precision: z.enum(["day", "month", "year"], { error: "invalid" }),
  title: localizedText(200),
  body: localizedText(2000),
});

export const sourceSchema = z.object({
  campaignId: idSchema,
  title: localizedText(300),
  publisher: localizedText(200),
  publishedOn: optionalDate,
  url: z
    .string()
    .trim()
    .max(2000, { error: "too_long" })
    .transform((s) => (s === "" ? null : s))
    .pipe(z.url({ protocol: /^https?$/, error: "invalid_url" }).nullable()),
});

export const removeChildSchema = z.object({ campaignId: idSchema, id: idSchema });

/** A deadline typed as a calendar date ends at the end of that day in the campaign's time zone. */
const deadlineSchema = optionalDate.transform((d) => {
  const endOfDay = d ? zonedToUtc(parseLocalDateTime(`${d}T23:59`)!, timeZone) : null;
  return endOfDay ? new Date(endOfDay.getTime() + 59_000) : null;
});

export const petitionDraftSchema = z.object({
  slug: organizerSlugSchema,
  target: localizedText(300),
  title: localizedText(200),
  summary: localizedText(600),
  body: localizedText(20000),
  goal: z.coerce
    .number({ error: "invalid_number" })
    .int({ error: "invalid_number" })
    .min(1, { error: "invalid_number" })
    .max(100_000_000, { error: "invalid_number" }),
  deadline: deadlineSchema,
});

export const petitionCreateSchema = petitionDraftSchema.extend({ campaignId: idSchema });
export const petitionUpdateSchema = petitionDraftSchema.extend({ petitionId: idSchema, version: versionSchema });
export const petitionTransitionSchema = z.object({ petitionId: idSchema, version: versionSchema });
export const petitionDeliverSchema = petitionTransitionSchema.extend({ deliveryNote: localizedText(2000) });
export const signerNameVisibilitySchema = z.object({
  petitionId: idSchema,
  signatureId: idSchema,
  hidden: z.enum(["1", "0"], { error: "invalid" }).transform((v) => v === "1"),
});
/** `?page=` of a paged list: a positive whole number, 1 when absent or malformed. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(100_000).catch(1);
export const deliveryPackSchema = z.object({ format: z.enum(["csv", "pdf"], { error: "invalid" }), language: z.enum(locales, { error: "invalid" }) });

export type PetitionDraftInput = z.infer<typeof petitionDraftSchema>;

/** FormData → plain object; `title.ru` becomes `{ title: { ru } }`. Files are dropped (read them separately). */
export function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const parts = key.split(".");
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = (node[part] = next && typeof next === "object" ? next : {}) as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = value;
  }
  return out;
}

