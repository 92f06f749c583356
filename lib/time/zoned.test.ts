import { describe, expect, it } from "vitest";
import { atLocalTime, localParts, parseLocalDateTime, toLocalDateTime, zonedToUtc } from "./zoned";

const at = (s: string) => zonedToUtc(parseLocalDateTime(s)!, "Asia/Almaty");

describe("zoned time", () => {
  it("reads Almaty's wall clock as UTC+5 (its offset since March 2024), without assuming it", () => {
    expect(at("2026-11-05T18:30")?.toISOString()).toBe("2026-11-05T13:30:00.000Z");
    expect(toLocalDateTime(new Date("2026-11-05T13:30:00Z"), "Asia/Almaty")).toBe("2026-11-05T18:30");
    // Before 1 March 2024 Almaty was UTC+6: the zone's history, not a constant, decides.
    expect(at("2023-11-05T18:30")?.toISOString()).toBe("2023-11-05T12:30:00.000Z");
  });

  it("follows daylight saving in another zone (Berlin)", () => {
    const summer = zonedToUtc(parseLocalDateTime("2026-07-01T11:00")!, "Europe/Berlin");
    const winter = zonedToUtc(parseLocalDateTime("2026-12-01T11:00")!, "Europe/Berlin");
    expect(summer?.toISOString()).toBe("2026-07-01T09:00:00.000Z");
    expect(winter?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    // 29 March 2026, 02:30 does not exist in Berlin; 25 October, 02:30 happens twice (the first is taken).
    expect(zonedToUtc(parseLocalDateTime("2026-03-29T02:30")!, "Europe/Berlin")).toBeNull();
    expect(zonedToUtc(parseLocalDateTime("2026-10-25T02:30")!, "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("finds 11:00 the day before across a daylight-saving change", () => {
    // A rally on Sunday 29 March 2026 at 15:00 Berlin (UTC+2); the day before is still UTC+1.
    const start = zonedToUtc(parseLocalDateTime("2026-03-29T15:00")!, "Europe/Berlin")!;
    expect(atLocalTime(start, "Europe/Berlin", { days: -1, hour: 11 })?.toISOString()).toBe("2026-03-28T10:00:00.000Z");
    expect(atLocalTime(start, "Europe/Berlin", { hour: 8 })?.toISOString()).toBe("2026-03-29T06:00:00.000Z");
    // Across a month end in Almaty.
    const first = at("2026-12-01T10:00")!;
    expect(atLocalTime(first, "Asia/Almaty", { days: -1, hour: 11 })?.toISOString()).toBe("2026-11-30T06:00:00.000Z");
  });

  it("refuses what is not a date and time", () => {
    for (const bad of ["", "2026-02-30T10:00", "2026-11-05 18:30", "2026-11-05T24:00", "x"]) expect(parseLocalDateTime(bad)).toBeNull();
    expect(localParts(new Date("2026-01-01T00:00:00Z"), "Asia/Almaty").hour).toBe(5);
  });
});
