import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { manageTokenOf } from "./tokens";

/** What the links need of a subscriber (listDeliverableSubscribers returns it). */
export type LinkedSubscriber = { tokenNonce: string; locale: Locale };

/** The preferences page (language, unsubscribe here or everywhere), in the subscriber's language. No login. */
export function preferencesUrl(subscriber: LinkedSubscriber): string {
  return `${appUrl()}/${subscriber.locale}/subscriptions/${manageTokenOf(subscriber.tokenNonce)}`;
}

/**
 * The one-click unsubscribe URL (RFC 8058): a POST with `List-Unsubscribe=One-Click` unsubscribes, with no
 * cookie and from any origin; a GET shows the page with a button (it changes nothing).
 */
export function unsubscribeUrl(subscriber: Pick<LinkedSubscriber, "tokenNonce">): string {
  return `${appUrl()}/api/v1/unsubscribe/${manageTokenOf(subscriber.tokenNonce)}`;
}

/** The headers every update email carries (and no transactional email does). */
export function listUnsubscribeHeaders(subscriber: Pick<LinkedSubscriber, "tokenNonce">): Record<"List-Unsubscribe" | "List-Unsubscribe-Post", string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(subscriber)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
