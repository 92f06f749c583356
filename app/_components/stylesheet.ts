import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

let href: string | undefined;

/** Our one stylesheet, from public/, with a content hash so browsers can cache it safely. */
export function stylesheetHref(): string {
  if (!href) {
    const css = readFileSync(path.join(process.cwd(), "public", "styles.css"));
    href = `/styles.css?v=${createHash("sha256").update(css).digest("hex").slice(0, 12)}`;
  }
  return href;
}
