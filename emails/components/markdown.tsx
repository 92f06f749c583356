import type { CSSProperties, ReactNode } from "react";
import type { Block, Inline } from "@/lib/updates/markdown";

export type MarkdownStyles = Partial<Record<"paragraph" | "heading" | "list" | "link", CSSProperties>>;

function inlines(xs: Inline[], styles: MarkdownStyles): ReactNode[] {
  return xs.map((x, i) => {
    if (x.type === "text") return x.text;
    if (x.type === "em") return <em key={i}>{inlines(x.children, styles)}</em>;
    if (x.type === "strong") return <strong key={i}>{inlines(x.children, styles)}</strong>;
    if (x.type !== "link") return null;
    return (
      <a key={i} href={x.href} style={styles.link}>
        {inlines(x.children, styles)}
      </a>
    );
  });
}

/**
 * An update's body (lib/updates/markdown.ts) as React: the same tree for the email and the public page. Every
 * text goes through React, which escapes it; links are only those the parser let through (http, https, mailto).
 * `headingOffset` shifts heading levels (a page whose title is h1 shows the body's top headings as h2).
 */
export function MarkdownBlocks({ blocks, styles = {}, headingOffset = 0 }: { blocks: Block[]; styles?: MarkdownStyles; headingOffset?: number }) {
  return (
    <>
      {blocks.map((b, i) => {
        if (b.type === "paragraph")
          return (
            <p key={i} style={styles.paragraph}>
              {inlines(b.children, styles)}
            </p>
          );
        if (b.type === "heading") {
          const H = `h${Math.min(6, b.level + headingOffset)}` as "h2";
          return (
            <H key={i} style={styles.heading}>
              {inlines(b.children, styles)}
            </H>
          );
        }
        const L = b.ordered ? "ol" : "ul";
        return (
          <L key={i} style={styles.list}>
            {b.items.map((item, j) => (
              <li key={j}>{inlines(item, styles)}</li>
            ))}
          </L>
        );
      })}
    </>
  );
}
