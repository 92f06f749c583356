import { createHash } from "node:crypto";
import { type Challenge, createChallenge, randomInt, verifySolution } from "altcha-lib";
import { deriveKey as pbkdf2 } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import type { Db } from "@/db";
import { spendChallenge } from "@/db/queries/rate-limits";
import { deriveKey } from "@/lib/auth/secret";

/**
 * Proof of work without a third party (ALTCHA, issue 13 item 4). With JavaScript on, the sign, RSVP (and
 * subscribe) forms solve a challenge from GET /api/v1/pow/challenge in a Web Worker before they post; the server
 * verifies the solution and spends it, once, in PostgreSQL (every process sees it spent).
 *
 * What each outcome means — a no-JS supporter must never be locked out, and a bot must not learn which of its
 * tricks failed:
 * - `missing` (no field: JavaScript off, an API client) and `expired` (a page left open past its challenge):
 *   accepted as today, under the per-client limits.
 * - `valid`: accepted, under the same limits (a solution is a cost, not a pass).
 * - `forged` (a solution or signature that does not verify, a payload that is not one) and `replayed` (a solution
 *   already spent): shadow-banned like a limit trip: kept as `fraudulent`, no email, never counted, the same
 *   answer. Our own widget never sends either: it asks for a fresh challenge after every post.
 */
export type PowVerdict = "missing" | "valid" | "expired" | "forged" | "replayed";

export const POW_FIELD = "altcha";
export const POW_ALGORITHM = "PBKDF2/SHA-256";
/** About 0.2–0.6 s on a laptop core (the counter is random in [500, 1500], 500 PBKDF2 rounds each): a few s on an old phone. */
const POW_COST = 500;
const POW_COUNTER = [500, 1_500] as const;
const POW_TTL_MS = 10 * 60_000;
/** A payload is a few hundred bytes; anything much longer is not ours. */
const MAX_PAYLOAD_CHARS = 4_096;

let secrets: { signature: string; key: string } | undefined;
function hmacSecrets() {
  secrets ??= { signature: deriveKey("pow-challenge").toString("hex"), key: deriveKey("pow-key").toString("hex") };
  return secrets;
}

export async function newPowChallenge(now = new Date()): Promise<Challenge> {
  const { signature, key } = hmacSecrets();
  return createChallenge({
    algorithm: POW_ALGORITHM,
    cost: POW_COST,
    counter: randomInt(POW_COUNTER[1], POW_COUNTER[0]),
    deriveKey: pbkdf2,
    expiresAt: new Date(now.getTime() + POW_TTL_MS),
    hmacSignatureSecret: signature,
    hmacKeySignatureSecret: key,
  });
}

const hex = z.string().regex(/^[0-9a-f]{1,512}$/i);
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.literal(POW_ALGORITHM),
      nonce: hex,
      salt: hex,
      cost: z.literal(POW_COST),
      keyLength: z.number().int().min(1).max(64),
      keyPrefix: hex,
      keySignature: hex.optional(),
      expiresAt: z.number().int().positive(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: hex,
  }),
  solution: z.object({ counter: z.number().int().min(0).max(POW_COUNTER[1] * 4), derivedKey: hex, time: z.number().optional() }),
});

/** Reads the form's `altcha` field: what it proves (see PowVerdict), the solution spent if it was valid. */
export async function checkPow(db: Db, raw: unknown, now = new Date()): Promise<PowVerdict> {
  if (raw === undefined || raw === null || raw === "") return "missing";
  if (typeof raw !== "string" || raw.length > MAX_PAYLOAD_CHARS) return "forged";
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, "base64").toString("utf8"));
  } catch {
    return "forged";
  }
  const payload = payloadSchema.safeParse(decoded);
  if (!payload.success) return "forged";
  const { challenge, solution } = payload.data;
  if (challenge.parameters.expiresAt * 1000 <= now.getTime()) return "expired";
  const { signature, key } = hmacSecrets();
  const result = await verifySolution({ challenge, solution, deriveKey: pbkdf2, hmacSignatureSecret: signature, hmacKeySignatureSecret: key });
  if (result.expired) return "expired";
  if (!result.verified) return "forged";
  // The signature covers the parameters (nonce, salt, expiry): its hash names the challenge.
  const spentKey = createHash("sha256").update(challenge.signature).digest("hex");
  return (await spendChallenge(db, spentKey, new Date(challenge.parameters.expiresAt * 1000))) ? "valid" : "replayed";
}

/** Forged and replayed solutions are shadow-banned; the rest are judged by the limits alone. */
export const powIsFraud = (verdict: PowVerdict): boolean => verdict === "forged" || verdict === "replayed";
