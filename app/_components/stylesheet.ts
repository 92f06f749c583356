import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

const hrefs = new Map<string, string>();

/** A file from public/ with a content hash in its address, so browsers can cache it safely. */
function versioned(file: string): string {
  let href = hrefs.get(file);
  if (!href) {
    const body = readFileSync(path.join(process.cwd(), "public", file));
    href = `/${file}?v=${createHash("sha256").update(body).digest("hex").slice(0, 12)}`;
    hrefs.set(file, href);
  }
  return href;
}

/** Our one stylesheet. */
export function stylesheetHref(): string {
  return versioned("styles.css");
}

/** The public pages' one script (public/enhance.js): small enhancements over pages that work without it. */
export function enhanceScriptHref(): string {
  return versioned("enhance.js");
}
