import { createFormatter, createTranslator } from "next-intl";
import en from "@/messages/en.json";
import kk from "@/messages/kk.json";
import ru from "@/messages/ru.json";
import { notFound } from "next/navigation";
import { isLocale, type Locale, timeZone } from "./locales";

export const catalogues = { en, ru, kk } as const;

/** One translator per (language, namespace) for the process: building one costs ~1 ms, ~3 per email rendered. */
const namespaced = new Map<string, unknown>();
function cachedTranslator<N extends "emails" | "rallyEmails">(locale: Locale, namespace: N) {
  const key = `${locale}/${namespace}`;
  let t = namespaced.get(key) as ReturnType<typeof createTranslator<(typeof catalogues)[Locale], N>> | undefined;
  if (!t) namespaced.set(key, (t = createTranslator({ locale, messages: catalogues[locale], namespace })));
  return t;
}

/** Translations outside a page render: mail in the recipient's language, route handlers' HTML. */
export function emailTranslator(locale: Locale) {
  return cachedTranslator(locale, "emails");
}

/** Rally mail (emails/rally-*.tsx, emails/rsvp-confirmation.tsx) in the recipient's language. */
export function rallyEmailTranslator(locale: Locale) {
  return cachedTranslator(locale, "rallyEmails");
}

function createCatalogueTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], timeZone });
}

const translators = new Map<Locale, ReturnType<typeof createCatalogueTranslator>>();
const formatters = new Map<Locale, ReturnType<typeof createFormatter>>();

/**
 * The whole catalogue in one language, for pages, route handlers and mail. One per language for the
 * process: a translator keeps the ICU messages it has parsed and its Intl formatters, which
 * next-intl's `getTranslations` builds again on every request (measured: most of the i18n cost of a page).
 */
export function translator(locale: Locale) {
  // A page under an unknown first segment (/robots.txt, /de) renders beside its layout, which answers 404;
  // without this its every message logged a MISSING_MESSAGE error with a stack trace (51 for the home page).
  if (!isLocale(locale)) notFound();
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createCatalogueTranslator(locale)));
  return t;
}

/** Dates and numbers in one language and the site's time zone, kept for the process like `translator`. */
export function formatter(locale: Locale) {
  if (!isLocale(locale)) notFound();
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = createFormatter({ locale, timeZone })));
  return f;
}
