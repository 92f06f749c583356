import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { findSecondFactor, replaceRecoveryCodes, savePendingRecoveryCodes } from "@/db/queries/second-factors";
import { AppError } from "@/lib/errors";
import { type Actor, requireAdmin } from "@/lib/organizers/access";
import { hashRecoveryCode, newRecoveryCodes, sealCodes, unsealCodes } from "./totp";

/** New recovery codes, shown until the person says they saved them (the old ones work until then). */
export async function makeNewRecoveryCodes(db: Db, actor: Actor | null): Promise<void> {
  const admin = requireAdmin(actor);
  if (!(await findSecondFactor(db, admin.userId))?.enabledAt) throw new AppError("conflict", { form: "second_factor_missing" });
  await savePendingRecoveryCodes(db, admin.userId, sealCodes(newRecoveryCodes()));
}

/** "I saved them": the new codes replace every old one; only their hashes stay. */
export async function keepNewRecoveryCodes(db: Db, actor: Actor | null): Promise<void> {
  const admin = requireAdmin(actor);
  const row = await findSecondFactor(db, admin.userId);
  if (!row?.enabledAt || !row.pendingRecoveryCodes) throw new AppError("conflict", { form: "second_factor_missing" });
  await replaceRecoveryCodes(db, admin.userId, unsealCodes(row.pendingRecoveryCodes).map(hashRecoveryCode));
  await insertAuditEntry(db, { actorId: admin.userId, action: "second_factor.new_codes", entityType: "second_factor", entityId: admin.userId });
}
