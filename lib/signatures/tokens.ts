import { tokenFor } from "@/lib/confirmations/tokens";

/**
 * A signature's confirmation link is the generic double opt-in's (lib/confirmations/tokens.ts): HMAC of the
 * nonce stored on the signature under this purpose's key, only its SHA-256 at rest. (The key is the one these
 * links always had, so links already in inboxes keep working.)
 */
export const SIGNATURE_TOKEN_PURPOSE = "signature-confirmation";

export function tokenFromNonce(nonce: string): string {
  return tokenFor(SIGNATURE_TOKEN_PURPOSE, nonce);
}

/** The wording of the "send me updates" checkbox the signer saw; bump when the text in messages changes. */
export const CONSENT_WORDING_VERSION = "updates-2026-12-v3";
/** The wording of "include my name in what is delivered to <target>"; bump when that text changes. */
export const DELIVERY_CONSENT_WORDING_VERSION = "delivery-2026-12-v1";
