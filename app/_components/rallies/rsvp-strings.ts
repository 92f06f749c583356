import type { Locale } from "@/lib/i18n/locales";
import { catalogues, translator } from "@/lib/i18n/translator";
import { type RsvpFormErrors, type RsvpFormStrings, rsvpFormStringKeys } from "./rsvp-form-view";

export function rsvpFormStrings(locale: Locale): RsvpFormStrings {
  const t = translator(locale);
  return Object.fromEntries(rsvpFormStringKeys.map((k) => [k, t(`rsvpForm.${k}`)])) as RsvpFormStrings;
}

type Code = keyof (typeof catalogues)["en"]["rsvpForm"]["errors"];

/** Error codes (zod messages, AppError codes) → the form's messages in the page's language. */
export function rsvpErrorMessages(locale: Locale, fields: Record<string, string>, formCode?: string): RsvpFormErrors {
  const t = translator(locale);
  const msg = (code: string) => (code in catalogues[locale].rsvpForm.errors ? t(`rsvpForm.errors.${code as Code}`) : t("rsvpForm.errors.unexpected"));
  const errors: RsvpFormErrors = {};
  if (fields.email) errors.email = msg(fields.email);
  if (fields.name) errors.name = msg(fields.name);
  if (formCode) errors.form = msg(formCode);
  return errors;
}
