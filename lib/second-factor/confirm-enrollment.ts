import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { findSecondFactor, markSessionSecondFactor, replaceRecoveryCodes, takeTimeStep } from "@/db/queries/second-factors";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { hashRecoveryCode, unsealCodes, unsealSecret, verifyTotp } from "./totp";

/**
 * The first code from the app proves it holds the secret: the second factor is on, the recovery codes shown
 * during setup are kept (hashed only), and this session counts as verified.
 */
export async function confirmEnrollment(db: Db, actor: Actor | null, input: { code: string }, now = new Date()): Promise<void> {
  if (!actor) throw new AppError("unauthenticated");
  if (actor.role !== "admin") throw new AppError("forbidden");
  const row = await findSecondFactor(db, actor.userId);
  if (!row || row.enabledAt) throw new AppError("conflict", { form: "second_factor_exists" });
  const step = await verifyTotp(unsealSecret(row.totpSecret), input.code, now);
  if (step === null || !(await takeTimeStep(db, actor.userId, step, true))) throw new AppError("invalid_input", { code: "code_invalid" });
  await replaceRecoveryCodes(db, actor.userId, row.pendingRecoveryCodes ? unsealCodes(row.pendingRecoveryCodes).map(hashRecoveryCode) : []);
  if (actor.session) await markSessionSecondFactor(db, actor.session.tokenHash, actor.userId);
  await insertAuditEntry(db, { actorId: actor.userId, action: "second_factor.enable", entityType: "second_factor", entityId: actor.userId });
}
