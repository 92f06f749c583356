import type { UpdateTexts } from "@/db/queries/updates";
import { type Locale, locales } from "@/lib/i18n/locales";
import { type Block, parseMarkdown } from "./markdown";

/** A locale's text counts only with both a title and a body. */
export const hasText = (texts: UpdateTexts, locale: Locale) => Boolean(texts[locale]?.title.trim() && texts[locale]?.body.trim());

/** The locales the update is written in. */
export const writtenLocales = (texts: UpdateTexts) => locales.filter((l) => hasText(texts, l));

/** The reader's language if the update is written in it, else the update's default (the campaign's). */
export function textFor(u: { texts: UpdateTexts; defaultLocale: string }, locale: Locale): { locale: Locale; title: string; body: string; blocks: Block[] } {
  const chosen = hasText(u.texts, locale) ? locale : (u.defaultLocale as Locale);
  const t = u.texts[chosen] ?? { title: "", body: "" };
  return { locale: chosen, title: t.title.trim(), body: t.body, blocks: parseMarkdown(t.body) };
}
