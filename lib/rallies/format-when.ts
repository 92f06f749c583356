import { type Locale, timeZone as campaignTimeZone } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

const rangeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "воскресенье, 20 декабря 2026 г., 18:00–20:00 (Алматы, GMT+5)": the rally's time on its own wall clock,
 * in the reader's language, with the zone said out loud (a reader elsewhere must not take it for theirs).
 */
export function formatRallyWhen(locale: Locale, rally: { startsAt: Date; endsAt: Date; timeZone: string }): string {
  const key = `${locale}|${rally.timeZone}`;
  let f = rangeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: rally.timeZone });
    rangeFormats.set(key, f);
  }
  return `${f.formatRange(rally.startsAt, rally.endsAt)} (${zoneLabel(locale, rally.timeZone, rally.startsAt)})`;
}

/** "Алматы, GMT+5": the zone's city and its offset on that day. */
export function zoneLabel(locale: Locale, timeZone: string, at: Date): string {
  const offset = new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "shortOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  const t = translator(locale);
  const city = timeZone === campaignTimeZone ? t("rallies.almaty") : (timeZone.split("/").pop() ?? timeZone).replace(/_/g, " ");
  return offset ? `${city}, ${offset}` : city;
}
