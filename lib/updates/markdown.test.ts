import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS, markdownProblem, parseMarkdown } from "./markdown";

describe("the update Markdown subset", () => {
  it("parses headings, paragraphs, emphasis, lists and links", () => {
    const blocks = parseMarkdown("# Court date\n\nThe trial is on **Monday**, at *10:00*.\n\n- bring water\n- see [the case](https://example.org/case)\n\n1. one\n2. two");
    expect(blocks).toEqual([
      { type: "heading", level: 2, children: [{ type: "text", text: "Court date" }] },
      {
        type: "paragraph",
        children: [
          { type: "text", text: "The trial is on " },
          { type: "strong", children: [{ type: "text", text: "Monday" }] },
          { type: "text", text: ", at " },
          { type: "em", children: [{ type: "text", text: "10:00" }] },
          { type: "text", text: "." },
        ],
      },
      {
        type: "list",
        ordered: false,
        items: [[{ type: "text", text: "bring water" }], [{ type: "text", text: "see " }, { type: "link", href: "https://example.org/case", children: [{ type: "text", text: "the case" }] }]],
      },
      { type: "list", ordered: true, items: [[{ type: "text", text: "one" }], [{ type: "text", text: "two" }]] },
    ]);
  });

  it("refuses raw HTML, images, other links and overlong bodies", () => {
    expect(markdownProblem("Hello <script>alert(1)</script>")).toBe("html");
    expect(markdownProblem('<img src="x" onerror="y">')).toBe("html");
    expect(markdownProblem("<!-- hidden -->")).toBe("html");
    expect(markdownProblem("![photo](https://example.org/a.png)")).toBe("image");
    expect(markdownProblem("[click](javascript:alert(1))")).toBe("link");
    expect(markdownProblem("[click]( JavaScript:alert(1))")).toBe("link");
    expect(markdownProblem("[x](data:text/html,hi)")).toBe("link");
    expect(markdownProblem("x".repeat(MAX_BODY_CHARS + 1))).toBe("too_long");
    expect(markdownProblem("2 < 3 and 5 > 4, mail [us](mailto:team@example.org)")).toBeNull();
    expect(markdownProblem("x".repeat(MAX_BODY_CHARS))).toBeNull();
  });

  it("keeps words with underscores and stray stars as text", () => {
    expect(parseMarkdown("snake_case_name and 2 * 3")).toEqual([{ type: "paragraph", children: [{ type: "text", text: "snake_case_name and 2 * 3" }] }]);
  });
});
