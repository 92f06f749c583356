import { describe, expect, it } from "vitest";
import { paragraphs, pick, pickedLocale } from "./localized";

describe("pick", () => {
  const text = { ru: "Привет", kk: "Сәлем", en: "Hello" };

  it("returns the reader's language", () => {
    expect(pick(text, "ru")).toBe("Привет");
    expect(pick(text, "kk")).toBe("Сәлем");
    expect(pick(text, "en")).toBe("Hello");
  });

  it("falls back to the first language the text was written in (ru, kk, en)", () => {
    expect(pick({ ru: "", kk: "Сәлем", en: "Hello" }, "ru")).toBe("Сәлем");
    expect(pick({ ru: "Привет", kk: "", en: "" }, "en")).toBe("Привет");
  });

  it("is empty for missing text", () => {
    expect(pick(null, "en")).toBe("");
    expect(pick(undefined, "en")).toBe("");
    expect(pick({ ru: "", kk: "", en: "" }, "kk")).toBe("");
  });
});

describe("pickedLocale", () => {
  it("says which language pick used, so the page can mark it with lang", () => {
    expect(pickedLocale({ ru: "Привет", kk: "Сәлем", en: "Hello" }, "kk")).toBe("kk");
    expect(pickedLocale({ ru: "", kk: "Сәлем", en: "Hello" }, "ru")).toBe("kk");
    expect(pickedLocale({ ru: "", kk: "", en: "" }, "en")).toBe("en");
  });
});

describe("paragraphs", () => {
  it("splits on blank lines and trims", () => {
    expect(paragraphs("  One.\n\nTwo\nstill two.\n   \n\nThree. ")).toEqual(["One.", "Two\nstill two.", "Three."]);
  });

  it("is empty for empty text", () => {
    expect(paragraphs("")).toEqual([]);
    expect(paragraphs("\n\n")).toEqual([]);
  });
});
