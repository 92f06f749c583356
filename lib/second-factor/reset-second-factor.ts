import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { deleteSecondFactor } from "@/db/queries/second-factors";
import { AppError } from "@/lib/errors";
import { type Actor, requireAdmin } from "@/lib/organizers/access";

/** An admin who lost their authenticator and codes is reset by another admin; they set it up again next time. */
export async function resetSecondFactor(db: Db, actor: Actor | null, input: { userId: string }): Promise<void> {
  const admin = requireAdmin(actor);
  if (input.userId === admin.userId) throw new AppError("forbidden");
  if (!(await deleteSecondFactor(db, input.userId))) throw new AppError("not_found");
  await insertAuditEntry(db, { actorId: admin.userId, action: "second_factor.reset", entityType: "user", entityId: input.userId });
}
