import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("linkify", () => {
  it("leaves a sentence's closing punctuation out of the link", () => {
    expect(linkify("Open http://localhost:3000/ru/confirm/abc. Thanks")).toEqual([
      { text: "Open " },
      { text: "http://localhost:3000/ru/confirm/abc", href: "http://localhost:3000/ru/confirm/abc" },
      { text: ". Thanks" },
    ]);
    expect(linkify("(see https://example.org/a?b=1),").map((p) => p.href).filter(Boolean)).toEqual(["https://example.org/a?b=1"]);
    expect(linkify("«https://example.org/x»!")[1]).toEqual({ text: "https://example.org/x", href: "https://example.org/x" });
  });

  it("keeps every character of the text, links or not", () => {
    const text = "A https://a.example/1. B https://b.example/2\nC";
    expect(linkify(text).map((p) => p.text).join("")).toBe(text);
    expect(linkify("no links here")).toEqual([{ text: "no links here" }]);
  });
});
