import { z } from "zod";
import { permitStatuses } from "@/db/schema/rallies";
import { defaultLocale, locales } from "@/lib/i18n/locales";
import { parseLocalDateTime } from "@/lib/time/zoned";
import { idSchema, localizedText, organizerSlugSchema, versionSchema } from "./organizers";
import { signerEmailSchema, signerNameSchema } from "./signatures";

/**
 * The rally forms of the dashboard (messages are `dashboard.errors` codes) and the public RSVP form
 * (messages are `rsvpForm.errors` codes). Times are typed on the rally's wall clock ("2026-11-05T18:30");
 * the domain operation turns them into UTC in the rally's time zone.
 */

const localDateTime = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .refine((s) => parseLocalDateTime(s) !== null, { error: "invalid_datetime" });

const optionalNumber = (min: number, max: number, error: string) =>
  z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : Number(s.replace(",", "."))))
    .pipe(z.number({ error }).min(min, { error }).max(max, { error }).nullable());

const yesNo = z
  .enum(["yes", "no", "on", ""], { error: "invalid" })
  .optional()
  .transform((v) => v === "yes" || v === "on");

export const rallyDetailsSchema = z.object({
  title: localizedText(200),
  description: localizedText(10000),
  startsAt: localDateTime,
  endsAt: localDateTime,
  address: localizedText(500),
  latitude: optionalNumber(-90, 90, "invalid_latitude"),
  longitude: optionalNumber(-180, 180, "invalid_longitude"),
  mapUrl: z
    .string()
    .trim()
    .max(2000, { error: "too_long" })
    .transform((s) => (s === "" ? null : s))
    .pipe(z.url({ protocol: /^https$/, error: "invalid_https_url" }).nullable()),
  permitStatus: z.enum(permitStatuses, { error: "invalid" }),
  permitDate: z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : s))
    .pipe(z.iso.date({ error: "invalid_date" }).nullable()),
  permitNote: localizedText(1000),
  safetyNote: localizedText(2000),
  accessibilityNote: localizedText(2000),
  preparation: localizedText(2000),
  capacity: z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : Number(s)))
    .pipe(z.number({ error: "invalid_capacity" }).int({ error: "invalid_capacity" }).min(1, { error: "invalid_capacity" }).max(100_000, { error: "invalid_capacity" }).nullable()),
  waitlist: yesNo,
  showAttendeeCount: yesNo,
});

export type RallyDetailsInput = z.infer<typeof rallyDetailsSchema>;

export const rallyCreateSchema = rallyDetailsSchema.extend({ campaignId: idSchema, slug: organizerSlugSchema });
export const rallyUpdateSchema = rallyDetailsSchema.extend({
  rallyId: idSchema,
  version: versionSchema,
  /** Added to the change notice, if time or place changed. */
  changeMessage: localizedText(2000).optional(),
});
export const rallyTransitionSchema = z.object({ rallyId: idSchema, version: versionSchema });
export const rallyCancelSchema = rallyTransitionSchema.extend({ cancelNote: localizedText(2000) });
export const rallyHoldSchema = rallyTransitionSchema.extend({ report: localizedText(10000) });
export const checkInSchema = z.object({ rallyId: idSchema, rsvpId: idSchema });
/** `locale` is the dashboard's (every form sends it): the walk-in's emails, if any, in the organizer's language. */
export const walkInSchema = z.object({ rallyId: idSchema, name: signerNameSchema, locale: z.enum(locales).catch(defaultLocale) });

export type RallyCreateInput = z.infer<typeof rallyCreateSchema>;
export type RallyUpdateInput = z.infer<typeof rallyUpdateSchema>;

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(true), z.literal(""), z.literal(false)])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1" || v === true);

/** The public RSVP form (urlencoded, multipart or JSON). The name is optional. */
export const rsvpInputSchema = z.object({
  email: signerEmailSchema,
  name: z
    .string()
    .optional()
    .transform((s) => s ?? "")
    .pipe(z.union([z.string().regex(/^\s*$/).transform(() => ""), signerNameSchema])),
  updates: checkbox,
  locale: z.enum(locales).catch("ru"),
  /** Honeypot: people never see it; bots fill it. */
  website: z.string().max(0).optional().catch("filled"),
});

export type RsvpInput = z.infer<typeof rsvpInputSchema>;

export const rsvpManageSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  action: z.enum(["cancel", "coming"]),
  locale: z.enum(locales).catch("ru"),
});
