/**
 * Wall-clock time in an IANA zone ↔ UTC instants, through Intl only (the zone's rules of the day, with its
 * daylight-saving changes — never a fixed offset).
 */
export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `instant`. */
export function localParts(instant: Date, timeZone: string): LocalParts & { second: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds (east positive). */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall clock in `timeZone` shows `local`. A time that does not exist there (skipped by a
 * spring-forward) is null; an ambiguous one (a fall-back hour) is its first occurrence.
 */
export function zonedToUtc(local: LocalParts, timeZone: string): Date | null {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const candidates = new Set<number>();
  for (const probe of [wall - 14 * 3600_000, wall, wall + 14 * 3600_000]) candidates.add(wall - offsetAt(probe, timeZone));
  const matches = [...candidates].filter((t) => {
    const p = localParts(new Date(t), timeZone);
    return p.year === local.year && p.month === local.month && p.day === local.day && p.hour === local.hour && p.minute === local.minute;
  });
  if (matches.length === 0) return null;
  return new Date(Math.min(...matches));
}

/** "2026-11-05T18:30" (an HTML datetime-local value) → parts, or null. */
export function parseLocalDateTime(value: string): LocalParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant as an HTML datetime-local value on the wall clock of `timeZone`. */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The calendar day `instant` falls on in `timeZone`, moved by `days`, at `hour`:`minute` there. */
export function atLocalTime(instant: Date, timeZone: string, { days = 0, hour, minute = 0 }: { days?: number; hour: number; minute?: number }): Date | null {
  const p = localParts(instant, timeZone);
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return zonedToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute }, timeZone);
}
