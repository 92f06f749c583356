import { createHmac } from "node:crypto";
import type { Db } from "@/db";
import { countSlidingHit } from "@/db/queries/rate-limits";
import { deriveKey } from "@/lib/auth/secret";

/** A limit: at most `max` hits per `windowSeconds` per key, in a named bucket. */
export type RateLimit = { bucket: string; max: number; windowSeconds: number };

/** Sign-in link requests from one client address (organizers are few; a network asking more is probing). */
export const signInPerClient: RateLimit = { bucket: "sign-in:client", max: 20, windowSeconds: 15 * 60 };

let clientKeyMac: Buffer | undefined;

/**
 * A client address (lib/http/client-address.ts clientAddress, derived once per request) as a limit key: HMAC
 * with a key derived from the secret, so the database never holds an address, and nobody without the secret
 * can tell whose hash it is. Unknown addresses (null) share one key.
 */
export function clientKey(address: string | null): string {
  clientKeyMac ??= deriveKey("client-address");
  return createHmac("sha256", clientKeyMac).update(address ?? "unknown").digest("hex").slice(0, 32);
}

/**
 * Counts a hit; false once the key is over the limit (the clock is the caller's). A sliding window: this window's
 * hits plus the previous window's, weighted by how much of it is still within `windowSeconds` — so a burst that
 * straddles a window boundary is still one burst, and a client told to wait (its refused hits count too) waits
 * until it stops asking.
 */
export async function withinLimit(db: Db, limit: RateLimit, key: string, now = new Date()): Promise<boolean> {
  const windowMs = limit.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const { current, previous } = await countSlidingHit(db, limit.bucket, key, new Date(start), new Date(start - windowMs));
  const stillInWindow = 1 - (now.getTime() - start) / windowMs;
  return current + previous * stillInWindow <= limit.max;
}
