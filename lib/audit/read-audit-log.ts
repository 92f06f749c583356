import type { Db } from "@/db";
import { listAuditEntries } from "@/db/queries/audit";
import { type Actor, requireAdmin } from "@/lib/organizers/access";

const pageSize = 100;

/** Admins read the audit log, newest first, a page at a time. */
export async function readAuditLog(db: Db, actor: Actor | null, options: { before?: Date } = {}) {
  requireAdmin(actor);
  const entries = await listAuditEntries(db, { limit: pageSize + 1, before: options.before });
  return { entries: entries.slice(0, pageSize), more: entries.length > pageSize };
}
