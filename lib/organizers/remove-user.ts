import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { disableUser, findUserById } from "@/db/queries/organizers";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/validation/organizers";
import { type Actor, requireAdmin } from "./access";

/**
 * An admin removes someone's access: the account is disabled (its history stays in the audit log) and every
 * session ends at once. Admins cannot remove themselves, so the last admin cannot lock everyone out by mistake.
 */
export async function removeUser(db: Db, actor: Actor | null, input: { userId: string }) {
  const a = requireAdmin(actor);
  if (!idSchema.safeParse(input.userId).success) throw new AppError("not_found");
  if (input.userId === a.userId) throw new AppError("invalid_input", { form: "cannot_remove_self" });
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) throw new AppError("not_found");
    if (await disableUser(tx, user.id)) {
      await insertAuditEntry(tx, { actorId: a.userId, action: "remove_user", entityType: "user", entityId: user.id });
    }
    return user;
  });
}
