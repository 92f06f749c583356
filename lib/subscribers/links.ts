import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { manageTokenOf } from "./tokens";

/** What the links need of a subscriber (listDeliverableSubscribers returns it). */
export type LinkedSubscriber = { tokenNonce: string; locale: Locale };

const preferencesUrlOf = (locale: Locale, token: string) => `${appUrl()}/${locale}/subscriptions/${token}`;
const unsubscribeUrlOf = (token: string) => `${appUrl()}/api/v1/unsubscribe/${token}`;
const headersOf = (unsubscribe: string) => ({ "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });

/** The preferences page (language, unsubscribe here or everywhere), in the subscriber's language. No login. */
export function preferencesUrl(subscriber: LinkedSubscriber): string {
  return preferencesUrlOf(subscriber.locale, manageTokenOf(subscriber.tokenNonce));
}

/**
 * The one-click unsubscribe URL (RFC 8058): a POST with `List-Unsubscribe=One-Click` unsubscribes, with no
 * cookie and from any origin; a GET shows the page with a button (it changes nothing).
 */
export function unsubscribeUrl(subscriber: Pick<LinkedSubscriber, "tokenNonce">): string {
  return unsubscribeUrlOf(manageTokenOf(subscriber.tokenNonce));
}

/** The headers every update email carries (and no transactional email does). */
export function listUnsubscribeHeaders(subscriber: Pick<LinkedSubscriber, "tokenNonce">): Record<"List-Unsubscribe" | "List-Unsubscribe-Post", string> {
  return headersOf(unsubscribeUrl(subscriber));
}

/** All three for one update email, the token worked out once (a fan-out fills them into 100,000 emails). */
export function subscriberLinks(subscriber: LinkedSubscriber) {
  const token = manageTokenOf(subscriber.tokenNonce);
  const unsubscribe = unsubscribeUrlOf(token);
  return { preferencesUrl: preferencesUrlOf(subscriber.locale, token), unsubscribeUrl: unsubscribe, headers: headersOf(unsubscribe) };
}
