import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * Where a signed-in organizer may be sent back to: a path of our own dashboard, nothing else (no other
 * host, no `//evil.example`, no public page with a token in it).
 */
export function safeCallbackPath(value: unknown, locale: Locale): string {
  const fallback = `/${locale}/dashboard`;
  if (typeof value !== "string") return fallback;
  let path = value;
  try {
    // Auth.js may hand back an absolute URL of our own origin; keep only its path.
    if (/^https?:\/\//i.test(value)) {
      const url = new URL(value);
      path = url.pathname + url.search;
    }
  } catch {
    return fallback;
  }
  return /^\/(ru|kk|en)\/dashboard(\/[A-Za-z0-9\-/]*)?(\?[A-Za-z0-9=&\-_.%]*)?$/.test(path) && !path.includes("//") ? path : fallback;
}

/** The language of a dashboard path ("/kk/dashboard/…" → "kk"). */
export function localeOfPath(path: string | null | undefined): Locale {
  const first = path?.split("/")[1];
  return isLocale(first) ? first : defaultLocale;
}
