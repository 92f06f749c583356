import type { NewRally, Rally } from "@/db/queries/rallies";
import type { RallyPlace, RallyWhen } from "@/db/schema/rallies";
import { AppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/locales";
import { parseLocalDateTime, zonedToUtc } from "@/lib/time/zoned";
import type { RallyDetailsInput } from "@/lib/validation/rallies";

export const MAX_RALLY_MS = 24 * 60 * 60 * 1000;

/**
 * The form's wall-clock times → UTC in the rally's zone, with the rules a person can break: a time the
 * zone skips, an end before the start, longer than a day, a start in the past (for a new start).
 */
export function resolveTimes(input: Pick<RallyDetailsInput, "startsAt" | "endsAt">, timeZone: string, options: { now: Date; startMayBePast?: Date }) {
  const errors: Record<string, string> = {};
  const startsAt = zonedToUtc(parseLocalDateTime(input.startsAt)!, timeZone);
  const endsAt = zonedToUtc(parseLocalDateTime(input.endsAt)!, timeZone);
  if (!startsAt) errors.startsAt = "invalid_datetime";
  if (!endsAt) errors.endsAt = "invalid_datetime";
  if (startsAt && endsAt) {
    if (endsAt <= startsAt) errors.endsAt = "ends_before_start";
    else if (endsAt.getTime() - startsAt.getTime() > MAX_RALLY_MS) errors.endsAt = "rally_too_long";
    const unchanged = options.startMayBePast && options.startMayBePast.getTime() === startsAt.getTime();
    if (!unchanged && startsAt <= options.now) errors.startsAt = "starts_in_past";
  }
  if (Object.keys(errors).length) throw new AppError("invalid_input", errors);
  return { startsAt: startsAt!, endsAt: endsAt! };
}

/** The columns a rally form writes. */
export function detailColumns(input: RallyDetailsInput, times: { startsAt: Date; endsAt: Date }): Omit<NewRally, "slug" | "timeZone"> {
  return {
    title: input.title,
    description: input.description,
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    address: input.address,
    latitude: input.latitude,
    longitude: input.longitude,
    mapUrl: input.mapUrl,
    permitStatus: input.permitStatus,
    permitDate: input.permitDate,
    permitNote: input.permitNote,
    safetyNote: input.safetyNote,
    accessibilityNote: input.accessibilityNote,
    preparation: input.preparation,
    capacity: input.capacity,
    waitlist: input.capacity === null ? false : input.waitlist,
    showAttendeeCount: input.showAttendeeCount,
  };
}

export function whenOf(r: Pick<Rally, "startsAt" | "endsAt">): RallyWhen {
  return { startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() };
}

export function placeOf(r: Pick<NewRally, "address" | "latitude" | "longitude" | "mapUrl">): RallyPlace {
  return { address: r.address, latitude: r.latitude ?? null, longitude: r.longitude ?? null, mapUrl: r.mapUrl ?? null };
}

/** What changed that attendees must hear about: "time", "place", both or neither. */
export function changedFields(before: RallyWhen & RallyPlace, after: RallyWhen & RallyPlace): ("time" | "place")[] {
  const out: ("time" | "place")[] = [];
  if (new Date(before.startsAt).getTime() !== new Date(after.startsAt).getTime() || new Date(before.endsAt).getTime() !== new Date(after.endsAt).getTime()) out.push("time");
  const placeChanged =
    locales.some((l) => before.address[l] !== after.address[l]) ||
    before.latitude !== after.latitude ||
    before.longitude !== after.longitude ||
    before.mapUrl !== after.mapUrl;
  if (placeChanged) out.push("place");
  return out;
}

/** Coordinates come as a pair. */
export function checkPlace(input: Pick<RallyDetailsInput, "latitude" | "longitude">): void {
  if ((input.latitude === null) !== (input.longitude === null)) {
    throw new AppError("invalid_input", { [input.latitude === null ? "latitude" : "longitude"]: "coordinates_pair" });
  }
}
