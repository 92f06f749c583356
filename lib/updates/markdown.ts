/**
 * The Markdown an update may use, and nothing more: paragraphs, headings (#, ##, ###), *emphasis* and
 * **strong**, lists (- item, 1. item) and links [text](url) to http, https or mailto. Raw HTML, images and any
 * other link are refused with a code (a message in the catalogue), never passed through: the body goes into
 * emails and public pages, so it is parsed into this small tree and rendered by React, which escapes all text.
 */
export type Inline = { type: "text"; text: string } | { type: "em" | "strong"; children: Inline[] } | { type: "link"; href: string; children: Inline[] };
export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; level: 2 | 3 | 4; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

export const MAX_BODY_CHARS = 20_000;

/** Why a body is refused: each is `dashboard.errors.markdown_<code>` in the catalogues. */
export type MarkdownProblem = "too_long" | "html" | "image" | "link";

const htmlTag = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<!doctype/i;
const image = /!\[[^\]]*\]\(/;
/** Any `](…)`, however spaced: the target is checked before the parser sees it. */
const linkTarget = /\]\(\s*([^)\s]*)[^)]*\)/g;
const allowedHref = /^(?:https?:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+)$/i;

/** The first problem of a body, or null when it may be sent. */
export function markdownProblem(source: string): MarkdownProblem | null {
  if (source.length > MAX_BODY_CHARS) return "too_long";
  if (htmlTag.test(source)) return "html";
  if (image.test(source)) return "image";
  for (const m of source.matchAll(linkTarget)) if (!allowedHref.test(m[1]!)) return "link";
  return null;
}

/** Parses a body already checked by `markdownProblem` (anything else found is kept as plain text). */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", children: parseInline(paragraph.join(" ")) });
    paragraph = [];
    if (list) blocks.push({ type: "list", ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (line === "") {
      flush();
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: "heading", level: (heading[1]!.length + 1) as 2 | 3 | 4, children: parseInline(heading[2]!.replace(/\s+#+$/, "")) });
      continue;
    }
    const item = /^(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/.exec(line);
    if (item) {
      const ordered = item[2] !== undefined;
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[3]!);
      continue;
    }
    if (list && /^\s{2,}/.test(raw)) {
      list.items[list.items.length - 1] += ` ${line}`;
      continue;
    }
    if (list) flush();
    paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Links, then **strong**, then *em* / _em_; the rest is text. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)|\*\*(.+?)\*\*|__(.+?)__|\*(?!\s)(.+?)\*|(?<![\p{L}\p{N}])_(?!\s)(.+?)_(?![\p{L}\p{N}])/gu;
  let last = 0;
  for (const m of source.matchAll(pattern)) {
    if (m.index > last) out.push({ type: "text", text: source.slice(last, m.index) });
    if (m[2] !== undefined) {
      const href = m[2].trim();
      if (allowedHref.test(href)) out.push({ type: "link", href, children: parseInline(m[1] || href) });
      else out.push({ type: "text", text: m[1]! });
    } else if (m[3] !== undefined || m[4] !== undefined) out.push({ type: "strong", children: parseInline((m[3] ?? m[4])!) });
    else out.push({ type: "em", children: parseInline((m[5] ?? m[6])!) });
    last = m.index + m[0].length;
  }
  if (last < source.length) out.push({ type: "text", text: source.slice(last) });
  return out;
}

/** The plain text of a tree (the public list's excerpt, the feed's summary). */
export function plainText(blocks: Block[]): string {
  const inline = (xs: Inline[]): string => xs.map((x) => (x.type === "text" ? x.text : inline(x.children))).join("");
  return blocks.map((b) => (b.type === "list" ? b.items.map((i) => `• ${inline(i)}`).join("\n") : inline(b.children))).join("\n\n");
}
