import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { upsertInvitedUser } from "@/db/queries/organizers";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { emailSchema } from "@/lib/validation/organizers";

/**
 * Makes an address an admin, from the command line (`npm run admin:add`) or the embedded default's dev admin.
 * Idempotent; promotes an organizer; re-enables a removed account. Recorded with no actor (the system).
 */
export async function addAdmin(db: Db, email: string, locale: Locale = "ru") {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw new AppError("invalid_input", { email: parsed.error.issues[0]?.message ?? "invalid_email" });
  return db.transaction(async (tx) => {
    const user = await upsertInvitedUser(tx, { email: parsed.data, role: "admin", locale });
    if (user.role !== "admin") throw new Error("addAdmin: role was not set");
    await insertAuditEntry(tx, { actorId: null, action: "invite", entityType: "user", entityId: user.id, details: { role: "admin", via: "cli" } });
    return user;
  });
}
