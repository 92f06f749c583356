import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { findSecondFactor, markSessionSecondFactor, takeTimeStep, spendRecoveryCode } from "@/db/queries/second-factors";
import { type RateLimit, withinLimit } from "@/lib/abuse/rate-limit";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { hashRecoveryCode, unsealSecret, verifyTotp } from "./totp";

/** Ten tries per quarter hour per person: a million codes are not guessed that way. */
export const secondFactorTries: RateLimit = { bucket: "second-factor:user", max: 10, windowSeconds: 15 * 60 };

/**
 * After the email link: a code from the app (6 digits, each usable once) or a recovery code (used up) makes this
 * session an admin's. Every failure is in the audit log.
 */
export async function verifySecondFactor(db: Db, actor: Actor | null, input: { code: string }, now = new Date()): Promise<void> {
  if (!actor?.session) throw new AppError("unauthenticated");
  if (actor.role !== "admin") throw new AppError("forbidden");
  if (!(await withinLimit(db, secondFactorTries, actor.userId, now))) throw new AppError("rate_limited", { code: "too_many_tries" });
  const row = await findSecondFactor(db, actor.userId);
  if (!row?.enabledAt) throw new AppError("conflict", { form: "second_factor_missing" });

  const code = input.code.replace(/\s/g, "");
  let action: "second_factor.verify" | "second_factor.recovery_code" | null = null;
  if (/^\d{6}$/.test(code)) {
    const step = await verifyTotp(unsealSecret(row.totpSecret), code, now);
    if (step !== null && (await takeTimeStep(db, actor.userId, step, false))) action = "second_factor.verify";
  } else if (await spendRecoveryCode(db, actor.userId, hashRecoveryCode(code))) {
    action = "second_factor.recovery_code";
  }
  if (!action) {
    await insertAuditEntry(db, { actorId: actor.userId, action: "second_factor.fail", entityType: "second_factor", entityId: actor.userId });
    throw new AppError("invalid_input", { code: "code_invalid" });
  }
  await markSessionSecondFactor(db, actor.session.tokenHash, actor.userId);
  await insertAuditEntry(db, { actorId: actor.userId, action, entityType: "second_factor", entityId: actor.userId });
}
