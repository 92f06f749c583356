import { type Locale, type Localized, locales } from "./locales";

/** The text in the reader's language, or the first language it was written in. */
export function pick(text: Localized | null | undefined, locale: Locale): string {
  if (!text) return "";
  if (text[locale]) return text[locale];
  for (const l of locales) if (text[l]) return text[l];
  return "";
}

/** Which language `pick` actually returned, so the page can mark it with `lang`. */
export function pickedLocale(text: Localized, locale: Locale): Locale {
  if (text[locale]) return locale;
  return locales.find((l) => text[l]) ?? locale;
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
