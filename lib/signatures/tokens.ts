import { createHash, createHmac, randomBytes } from "node:crypto";
import { deriveKey } from "@/lib/auth/secret";

/**
 * Confirmation links carry a 256-bit token: HMAC(key, nonce), with a random 128-bit nonce kept on the
 * signature and a key derived from AUTH_SECRET, which is not in the database. The database keeps the
 * token's SHA-256 to find the signature. A copy of the database alone therefore confirms nothing, and
 * every email about one signature (retries, re-sends) carries the same link.
 */
let key: Buffer | undefined;

export function newTokenNonce(): string {
  return randomBytes(16).toString("base64url");
}

export function tokenFromNonce(nonce: string): string {
  key ??= deriveKey("signature-confirmation-token");
  return createHmac("sha256", key).update(nonce).digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const TOKEN_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** At most this many emails about one signature, so nobody can flood an inbox by signing with it. */
export const MAX_EMAILS_PER_SIGNATURE = 3;
/** The wording of the "send me updates" checkbox the signer saw; bump when the text in messages changes. */
export const CONSENT_WORDING_VERSION = "updates-2026-12-v2";
/** The wording of "include my name in what is delivered to <target>"; bump when that text changes. */
export const DELIVERY_CONSENT_WORDING_VERSION = "delivery-2026-12-v1";
