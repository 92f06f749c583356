import { afterEach, describe, expect, it, vi } from "vitest";
import type { Locale } from "./locales";
import { translator } from "./translator";

afterEach(() => vi.restoreAllMocks());

describe("translator", () => {
  it("translates in each language", () => {
    expect(translator("kk")("nav.home")).toBe("Басты бет");
    expect(translator("en")("petitions.count", { count: 2 })).toBe("2 signatures");
  });

  it("answers an unknown language with the 404, logging nothing (a page under /robots.txt or /de renders beside its layout)", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const locale of ["robots.txt", "de", "favicon.ico"]) {
      expect(() => translator(locale as Locale)("home.cta")).toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    }
    expect(logged).not.toHaveBeenCalled();
  });
});
