import type { Locale } from "./locales";
import { type KazakhCase, kazakhCase } from "./kazakh-case";
import { timeZone } from "./locales";

export type DateStyle = "long" | "medium";

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, style: DateStyle, zone: string): Intl.DateTimeFormat {
  const key = `${locale}|${style}|${zone}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: zone })));
  return f;
}

/**
 * A date as a phrase of its sentence needs it. Russian and English dates read right as Intl writes them
 * ("до 30 июня 2027 г.", "until June 30, 2027"); a Kazakh date takes the case of its postposition on its
 * last word, the month: "2027 ж. 30 маусымға дейін" (dative before дейін), "…маусымнан бастап" (ablative).
 */
export function datePhrase(
  locale: Locale,
  date: Date,
  options: { case?: KazakhCase; style?: DateStyle; timeZone?: string } = {},
): string {
  const parts = dateFormat(locale, options.style ?? "long", options.timeZone ?? timeZone).formatToParts(date);
  const grammaticalCase = options.case ?? "nominative";
  if (locale !== "kk" || grammaticalCase === "nominative") return parts.map((p) => p.value).join("");
  const last = parts.findLastIndex((p) => p.type !== "literal");
  return parts.map((p, i) => (i === last ? kazakhCase(p.value, grammaticalCase) : p.value)).join("");
}
