import { describe, expect, it } from "vitest";
import { localeOfPath, safeCallbackPath } from "./locale";

describe("callback paths after sign-in", () => {
  it.each([
    ["/kk/dashboard", "/kk/dashboard"],
    ["/en/dashboard/petitions/0b8f2a1e-1111-4a3a-9d2c-5c4e0b1d2e3f", "/en/dashboard/petitions/0b8f2a1e-1111-4a3a-9d2c-5c4e0b1d2e3f"],
    ["http://localhost:3000/ru/dashboard/people", "/ru/dashboard/people"],
    ["https://evil.example/ru/dashboard", "/ru/dashboard"],
    ["//evil.example/ru/dashboard", "/ru/dashboard"],
    ["/ru/dashboard//evil.example", "/ru/dashboard"],
    ["/ru/petitions/x", "/ru/dashboard"],
    ["javascript:alert(1)", "/ru/dashboard"],
    [undefined, "/ru/dashboard"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input, "ru")).toBe(expected);
  });

  it("reads the language from the path", () => {
    expect(localeOfPath("/kk/dashboard")).toBe("kk");
    expect(localeOfPath("/xx/dashboard")).toBe("ru");
    expect(localeOfPath(null)).toBe("ru");
  });
});
