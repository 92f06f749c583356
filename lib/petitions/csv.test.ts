import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("CSV cells", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\",\"x\")", `"'=HYPERLINK(""http://evil"",""x"")"`],
    ["+1+1", `"'+1+1"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\t=1", `"'\t=1"`],
    ["\r=1", `"'\r=1"`],
  ])("neutralises a formula: %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("leaves ordinary names alone, quoting them", () => {
    expect(csvCell("Әлия Нұрланқызы")).toBe('"Әлия Нұрланқызы"');
    expect(csvCell("Anne-Marie O'Neil")).toBe(`"Anne-Marie O'Neil"`);
    expect(csvCell('say "hi", then, go')).toBe('"say ""hi"", then, go"');
  });

  it("keeps line breaks inside the quotes and ends rows with CRLF", () => {
    expect(csvLine(["a\nb", "c"])).toBe('"a\nb","c"\r\n');
  });
});
