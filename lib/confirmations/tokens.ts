import { createHash, createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { deriveKey } from "@/lib/auth/secret";

/**
 * The double opt-in's links, for anything a person confirms by email (RSVPs now; signatures and
 * subscriptions can move here). A link carries HMAC(key of its purpose, nonce): the random 128-bit nonce
 * is stored on the row, the key is derived from AUTH_SECRET and never stored. The database keeps only
 * the token's SHA-256, to find the row. A copy of the database alone confirms nothing, and every email
 * about one row carries the same link. One nonce can serve several purposes (confirm, manage) with
 * independent tokens.
 *
 * `purpose` names the key: tokenFor("signature-confirmation", n) is exactly the token
 * lib/signatures/tokens.ts makes today, so signatures can adopt this module without changing a link.
 */
const keys = new Map<string, Buffer>();

export function newNonce(): string {
  return randomBytes(16).toString("base64url");
}

export function tokenFor(purpose: string, nonce: string): string {
  let key = keys.get(purpose);
  if (!key) keys.set(purpose, (key = deriveKey(`${purpose}-token`)));
  return createHmac("sha256", key).update(nonce).digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A nonce and, for each purpose, the hash of its token: what a new row stores. */
export function mintTokens<P extends string>(purposes: readonly P[]): { nonce: string; hashes: Record<P, string> } {
  const nonce = newNonce();
  const hashes = Object.fromEntries(purposes.map((p) => [p, hashToken(tokenFor(p, nonce))])) as Record<P, string>;
  return { nonce, hashes };
}

/** Tokens in links: base64url, 43 characters (256 bits). */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** A confirmation link works this long after its last email. */
export const CONFIRMATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** At most this many confirmation emails about one row, so nobody can flood an inbox with someone's address. */
export const MAX_CONFIRMATION_EMAILS = 3;
