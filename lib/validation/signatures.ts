import { z } from "zod";
import { locales } from "@/lib/i18n/locales";
import { isCleanText } from "./text";

/**
 * Email policy: trimmed, Unicode-normalised (NFC) and lower-cased as a whole. We do NOT remove
 * "+tags" or dots: on many providers those are different mailboxes, and merging them would wrongly
 * drop a different person's signature. Each address must still be confirmed by its owner.
 */
export function normalizeEmail(email: string): string {
  return email.normalize("NFC").trim().toLowerCase();
}

/** Names may contain any letters (Әлия Нұрланқызы), but no links, no control characters, and must not
 * start with a character a spreadsheet would run as a formula when organizers export signatures, and nothing
 * invisible or ill-formed (lib/validation/text.ts). */
const URL_LIKE = /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|ru|kz|info|io|xyz|top|link|me|online|site|club|biz)\b)/i;
const FORMULA_START = /^[=+\-@\t\r]/;

/** The longest name and address the server takes; the sign form's `maxlength`s come from here. */
export const signerNameMaxLength = 100;
export const signerEmailMaxLength = 254;

export const signerNameSchema = z
  .string({ error: "name_required" })
  // Checked before anything else: normalize() and the database both choke on ill-formed text.
  .refine(isCleanText, "name_invalid")
  .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "name_required")
      .max(signerNameMaxLength, "name_too_long")
      .refine((s) => !FORMULA_START.test(s), "name_formula")
      .refine((s) => !URL_LIKE.test(s), "name_url"),
  );

export const signerEmailSchema = z
  .string({ error: "email_required" })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "email_required").max(signerEmailMaxLength, "email_invalid").pipe(z.email("email_invalid")))
  .transform(normalizeEmail);

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(true), z.literal(""), z.literal(false)])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1" || v === true);

/** The sign form, as posted (urlencoded or multipart) or as JSON. */
export const signInputSchema = z.object({
  name: signerNameSchema,
  email: signerEmailSchema,
  updates: checkbox,
  public: checkbox,
  delivery: checkbox,
  locale: z.enum(locales).catch("ru"),
  /** Honeypot: people never see it; bots fill it. */
  website: z.string().max(0).optional().catch("filled"),
});

export type SignInput = z.infer<typeof signInputSchema>;
