export const locales = ["ru", "kk", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ru";

/** Dates and times on the site are Almaty's, whatever the reader's or the server's zone. */
export const timeZone = "Asia/Almaty";

/** Text written once per locale. Drafts may leave a locale empty (""). */
export type Localized = Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The same page in every language (`/ru/profile`, `/kk/profile` …), for metadata alternates. */
export function localeAlternates(path: string): Record<Locale, string> {
  return Object.fromEntries(locales.map((l) => [l, `/${l}${path}`])) as Record<Locale, string>;
}
