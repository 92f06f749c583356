import { mintTokens, tokenFor } from "@/lib/confirmations/tokens";

/**
 * A subscriber's two links, from its one nonce (lib/confirmations/tokens.ts): confirm (the standalone form's
 * double opt-in) and manage (the preferences page and the one-click unsubscribe). HMAC(key of the purpose, nonce);
 * the database keeps only their hashes, so a tampered or made-up token finds nothing.
 */
export const SUBSCRIPTION_CONFIRM = "subscription-confirmation";
export const SUBSCRIPTION_MANAGE = "subscription-manage";

export const mintSubscriberTokens = () => mintTokens([SUBSCRIPTION_CONFIRM, SUBSCRIPTION_MANAGE] as const);
export const confirmTokenOf = (nonce: string) => tokenFor(SUBSCRIPTION_CONFIRM, nonce);
export const manageTokenOf = (nonce: string) => tokenFor(SUBSCRIPTION_MANAGE, nonce);

/** The wording of the standalone "get updates" form; bump when subscribe.consent changes. */
export const SUBSCRIBE_WORDING_VERSION = "subscribe-2026-12-v1";
