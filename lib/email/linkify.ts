export type TextPart = { text: string; href?: string };

const url = /https?:\/\/[^\s<>"]+/g;
/** Punctuation that ends a sentence around a link rather than belonging to it. */
const trailing = /[.,;:!?)\]}'»”]+$/;

/** Plain text → text and links, for showing a text email with clickable links (a URL's closing period stays text). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(url)) {
    const href = match[0].replace(trailing, "");
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: href, href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
