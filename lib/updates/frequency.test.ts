import { describe, expect, it } from "vitest";
import { fitsWeeklyCap } from "./frequency";

const day = 24 * 60 * 60 * 1000;
const at = (d: number) => new Date(Date.UTC(2026, 11, 1) + d * day);

describe("the weekly cap", () => {
  it("allows the third update of a week and refuses the fourth", () => {
    expect(fitsWeeklyCap([at(0), at(1)], at(2).getTime(), 3)).toBe(true);
    expect(fitsWeeklyCap([at(0), at(1), at(2)], at(3).getTime(), 3)).toBe(false);
    expect(fitsWeeklyCap([at(0), at(1), at(2)], at(7).getTime() + 1, 3)).toBe(true);
  });

  it("counts updates scheduled later in the week", () => {
    expect(fitsWeeklyCap([at(4), at(5), at(6)], at(1).getTime(), 3)).toBe(false);
    expect(fitsWeeklyCap([at(9), at(10), at(11)], at(1).getTime(), 3)).toBe(true);
  });
});
