import { addressPolicy } from "@/lib/env";
import { isFromThisMachine } from "@/lib/http/client-address";
import { type Locale, defaultLocale, isLocale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import kk from "@/messages/kk.json";
import ru from "@/messages/ru.json";

/**
 * What the embedded default keeps for the person at the keyboard (the dev mailbox, the dev admin) answers only
 * requests made on this machine — whatever address the server listens on (HOSTNAME=0.0.0.0, a container).
 */
export function isLocalRequest(headers: Headers): boolean {
  return isFromThisMachine(headers, addressPolicy());
}

const catalogues = { en, kk, ru } as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** 403, in the page's language: why the dev mailbox does not open here. */
export function localOnlyResponse(locale: string | undefined, stylesheet: string): Response {
  const lang: Locale = isLocale(locale) ? locale : defaultLocale;
  const t = catalogues[lang].devMailbox;
  const body = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t.localOnlyTitle)} — Qoldau</title><link rel="stylesheet" href="${escapeHtml(stylesheet)}"></head><body><main id="content" class="container"><h1>${escapeHtml(t.localOnlyTitle)}</h1><p>${escapeHtml(t.localOnlyBody)}</p><p><a href="/${lang}">${escapeHtml(t.localOnlyBack)}</a></p></main></body></html>`;
  return new Response(body, { status: 403, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
