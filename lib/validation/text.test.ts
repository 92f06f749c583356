import { describe, expect, it } from "vitest";
import { signInputSchema } from "./signatures";
import { isCleanText } from "./text";

const sign = (name: string) => signInputSchema.safeParse({ name, email: "aliya@example.org", locale: "kk" });
const nameError = (name: string) => {
  const result = sign(name);
  return result.success ? null : result.error.issues.find((i) => i.path[0] === "name")?.message;
};

describe("names a person types", () => {
  it.each([
    ["Kazakh", "Әлия Нұрланқызы"],
    ["Russian", "Пётр Ильич"],
    ["Latin with accents", "José Müller-Lüdenscheidt"],
    ["Vietnamese (two combining marks after NFD)", "Nguyễn Thị Ánh".normalize("NFD")],
    ["an emoji with a joiner-free presentation", "Dana 🌷"],
  ])("accepts %s", (_label, name) => {
    expect(nameError(name)).toBeNull();
  });

  it.each([
    ["a lone high surrogate", "A \ud800"],
    ["a lone low surrogate", "\udc00Aliya"],
    ["a zero-width space", "Ali\u200bya"],
    ["a zero-width joiner", "Ali\u200dya"],
    ["a byte-order mark", "\ufeffAliya"],
    ["a right-to-left mark", "Aliya\u200f"],
    ["a right-to-left override", "Aliya \u202eayilA"],
    ["a bidi isolate", "\u2067Aliya\u2069"],
    ["a line separator", "Aliya\u2028Nur"],
    ["a paragraph separator", "Aliya\u2029Nur"],
    ["a soft hyphen", "Ali\u00adya"],
    ["a tag character", "Aliya\u{e0041}"],
    ["a run of combining marks", "Z\u0301\u0302\u0303\u0304algo"],
    ["a C1 control", "Aliya\u0085"],
    ["a NUL", "Ali\u0000ya"],
  ])("refuses %s with a message", (_label, name) => {
    expect(nameError(name)).toBe("name_invalid");
  });
});

describe("isCleanText (organizers' long texts)", () => {
  it("keeps line breaks and tabs a textarea sends", () => {
    expect(isCleanText("Первый абзац.\r\n\r\nЕкінші абзац.\tСоңы.")).toBe(true);
  });
  it("refuses what a name refuses", () => {
    expect(isCleanText("text \ud800")).toBe(false);
    expect(isCleanText("text \u202e")).toBe(false);
    expect(isCleanText("text \u000b")).toBe(false);
  });
});
