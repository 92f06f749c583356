import type { Db } from "@/db";
import { countClientAttempt } from "@/db/queries/rate-limits";
import { env } from "@/lib/env";
import { recordSecurityEvent } from "@/lib/audit/security-events";
import { clientKey } from "./rate-limit";
import { type PowVerdict, powIsFraud } from "./proof-of-work";
import { abuseVerdict } from "./rules";

/** The supporter actions screened here; signatures are screened inside their group commit (db/queries/signatures.ts). */
export type ScreenedAction = "rsvp" | "subscribe";

/** Per client (address hash) per target: at most `burst` attempts a minute and `hourly` an hour. */
export type ClientLimits = { burst: number; hourly: number };

/** The signing limits serve RSVPs and subscriptions too: the same people behind the same carrier gateways. */
export const supporterLimits = (): ClientLimits => ({ burst: env().SIGN_LIMIT_BURST, hourly: env().SIGN_LIMIT_HOURLY });

export type Screening = {
  /** Keep the row as `fraudulent`: no email, never counted; answer exactly as for anyone else. */
  fraudulent: boolean;
  reason: "block" | "limit" | "pow" | null;
};

/**
 * Screens one RSVP or subscription before it is written — the same rules as for signatures: a block-list hit
 * or a client over its limits on this target (a rally's id, a campaign's id) is shadow-banned; an allow-list
 * hit skips the limits. `address` is the client's address as lib/http/client-address.ts tells it (null when
 * unknown: all unknown clients share one counter, as for signatures). Counted in PostgreSQL (every process
 * shares the counters), one statement; the first trip in a window and a block hit are security events.
 *
 * Subscriptions call it as `screenClient(db, { action: "subscribe", target: campaignId, address, email, pow })`
 * (pow = `await checkPow(db, form.altcha)`) and store `fraudulent` when it says so.
 */
export async function screenClient(
  db: Db,
  /** `pow`: the form's proof of work (lib/abuse/proof-of-work.ts checkPow); forged or replayed is shadow-banned. */
  subject: { action: ScreenedAction; target: string; address: string | null; email: string; pow?: PowVerdict },
  options: { now?: Date; limits?: ClientLimits } = {},
): Promise<Screening> {
  const now = options.now ?? new Date();
  const client = clientKey(subject.address);
  // A forged or replayed proof is a bot's, whatever network it comes from (an allowed range included).
  if (subject.pow && powIsFraud(subject.pow)) {
    await recordSecurityEvent(db, { kind: "pow_forged", action: subject.action, client, target: subject.target, now });
    return { fraudulent: true, reason: "pow" };
  }
  const verdict = await abuseVerdict(db, { address: subject.address, email: subject.email }, now.getTime());
  if (verdict === "allow") return { fraudulent: false, reason: null };
  if (verdict === "block") {
    await recordSecurityEvent(db, { kind: "block_hit", action: subject.action, client, target: subject.target, now });
    return { fraudulent: true, reason: "block" };
  }
  const limits = options.limits ?? supporterLimits();
  const hits = await countClientAttempt(db, subject.action, `${subject.target}:${client}`, now);
  const over = hits.minute > limits.burst || hits.hour > limits.hourly;
  if (hits.minute === limits.burst + 1 || hits.hour === limits.hourly + 1) {
    await recordSecurityEvent(db, { kind: "limit_trip", action: subject.action, client, target: subject.target, now, window: hits.minute === limits.burst + 1 ? "minute" : "hour" });
  }
  return over ? { fraudulent: true, reason: "limit" } : { fraudulent: false, reason: null };
}
