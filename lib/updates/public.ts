import type { PublicUpdate } from "@/db/queries/updates";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { textFor } from "./content";
import { type Block, plainText } from "./markdown";

export const feedPath = (locale: Locale) => `/api/v1/updates/${locale}/feed.atom`;

/** The first ~280 characters of an update's text, for the list and the feed. */
export function excerpt(blocks: Block[], max = 280): string {
  const s = plainText(blocks).replace(/\s+/g, " ").trim();
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An Atom feed (RFC 4287) of the sent updates in one language; each entry's text as the page shows it. */
export function atomFeed(updates: PublicUpdate[], locale: Locale, strings: { title: string }): string {
  const base = appUrl();
  const self = `${base}${feedPath(locale)}`;
  const updated = (updates[0]?.sentAt ?? new Date(0)).toISOString();
  const entries = updates.map((u) => {
    const text = textFor(u, locale);
    const url = `${base}/${locale}/updates/${u.id}`;
    return `  <entry>
    <id>urn:uuid:${u.id}</id>
    <title>${xml(text.title)}</title>
    <link rel="alternate" type="text/html" hreflang="${text.locale}" href="${xml(url)}"/>
    <published>${u.sentAt.toISOString()}</published>
    <updated>${u.sentAt.toISOString()}</updated>
    <summary xml:lang="${text.locale}">${xml(excerpt(text.blocks))}</summary>
    <content type="text" xml:lang="${text.locale}">${xml(plainText(text.blocks))}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">
  <id>${xml(self)}</id>
  <title>${xml(strings.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${base}/${locale}/updates`)}"/>
  <updated>${updated}</updated>
  <author><name>Qoldau</name></author>
${entries.join("\n")}
</feed>
`;
}
