import { type EventAttributes, createEvent, createEvents } from "ics";
import type { Rally } from "@/db/queries/rallies";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";

/**
 * iCalendar for rallies (RFC 5545, by the `ics` package). Times are written in UTC (`…Z`), which every
 * calendar shows on its reader's clock: right for Asia/Almaty or any zone, with no VTIMEZONE to get wrong.
 * The UID is the rally's id (stable across every change); SEQUENCE is the rally's, which rises with each
 * change and the cancellation; a cancelled rally is STATUS:CANCELLED.
 */
export const calendarContentType = "text/calendar; charset=utf-8";

const host = () => new URL(appUrl()).hostname;

function event(rally: Rally, locale: Locale): EventAttributes {
  const url = `${appUrl()}/${locale}/rallies/${rally.slug}`;
  const description = [pick(rally.description, locale), url].filter(Boolean).join("\n\n");
  return {
    uid: `rally-${rally.id}@${host()}`,
    sequence: rally.sequence,
    start: rally.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: rally.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: pick(rally.title, locale),
    description,
    location: pick(rally.address, locale),
    ...(rally.latitude !== null && rally.longitude !== null ? { geo: { lat: rally.latitude, lon: rally.longitude } } : {}),
    url,
    status: rally.state === "cancelled" ? "CANCELLED" : "CONFIRMED",
    lastModified: rally.updatedAt.getTime(),
    productId: "qoldau/rallies",
  };
}

function unwrap(result: { error: Error | null; value: string | null }): string {
  if (result.error || !result.value) throw result.error ?? new Error("ics: empty calendar");
  return result.value;
}

/** One rally as a calendar file. */
export function rallyCalendar(rally: Rally, locale: Locale): string {
  return unwrap(createEvent(event(rally, locale)));
}

/** A campaign's rallies as a feed a calendar can subscribe to (webcal://). */
export function campaignCalendar(rallies: Rally[], locale: Locale, name: string): string {
  if (rallies.length === 0) {
    // `ics` refuses an empty list; a feed with no event yet is still a valid calendar.
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:qoldau/rallies", "CALSCALE:GREGORIAN", `X-WR-CALNAME:${name.replace(/[\r\n,;\\]/g, " ")}`, "END:VCALENDAR", ""].join("\r\n");
  }
  return unwrap(createEvents(rallies.map((r) => event(r, locale)), { productId: "qoldau/rallies", calName: name }));
}

/** The feed's address, for a "subscribe" link: webcal:// opens the calendar app on most systems. */
export function feedUrls(campaignSlug: string, locale: Locale) {
  const https = `${appUrl()}/api/v1/campaigns/${campaignSlug}/rallies.ics?locale=${locale}`;
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

export const rallyCalendarPath = (slug: string, locale: Locale) => `/api/v1/rallies/${slug}/calendar.ics?locale=${locale}`;
