import { createTranslator } from "next-intl";
import { catalogues } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";

/** Organizer mail in the recipient's language (namespace `organizerEmails`). */
export function organizerEmailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: "organizerEmails" });
}
