import type { Metadata } from "next";
import { type Locale, localeAlternates } from "@/lib/i18n/locales";

/**
 * A public page's metadata: its title and description, the same for Open Graph, its address in this language and
 * its alternates in every other. `absoluteTitle` skips the site's title template (the home page).
 */
export function publicMetadata(
  locale: Locale,
  path: string,
  page: { title: string; description: string; type?: "article" | "profile"; absoluteTitle?: string },
): Metadata {
  const { title, description, type } = page;
  return {
    title: page.absoluteTitle ? { absolute: page.absoluteTitle } : title,
    description,
    openGraph: { title, description, ...(type ? { type } : {}), url: `/${locale}${path}` },
    alternates: { languages: localeAlternates(path) },
  };
}
