// Placeholder with the interface the subs branch provides (it replaces this file on merge).
import { tokenFor } from "@/lib/confirmations/tokens";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";

type Linked = { tokenNonce: string; locale: Locale };
const manageToken = (s: Linked) => tokenFor("subscriber-manage", s.tokenNonce);

export function preferencesUrl(s: Linked, locale: Locale = s.locale): string {
  return `${appUrl()}/${locale}/subscriptions/${manageToken(s)}`;
}

export function unsubscribeUrl(s: Linked): string {
  return `${appUrl()}/api/v1/unsubscribe/${manageToken(s)}`;
}

export function listUnsubscribeHeaders(s: Linked): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl(s)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
