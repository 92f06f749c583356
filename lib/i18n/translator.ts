import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import kk from "@/messages/kk.json";
import ru from "@/messages/ru.json";
import type { Locale } from "./locales";

export const catalogues = { en, ru, kk } as const;

/** Translations outside a page render: mail in the recipient's language, route handlers' HTML. */
export function emailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: "emails" });
}

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale] });
}
