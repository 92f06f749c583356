import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { AuditAction } from "@/lib/audit/actions";

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  entityType: "user" | "invitation" | "campaign" | "profile" | "timeline_event" | "source" | "petition" | "media" | "signature";
  entityId?: string | null;
  campaignId?: string | null;
  details?: Record<string, unknown>;
};

/** Appends one entry. Pass the transaction of the change it records, so both commit or neither does. */
export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    campaignId: entry.campaignId ?? null,
    details: entry.details ?? {},
  });
}

/** Newest first, with the actor's address; `before` pages back through older entries. */
export async function listAuditEntries(db: Db, options: { limit: number; before?: Date; campaignId?: string }) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      campaignId: auditLog.campaignId,
      details: auditLog.details,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        options.before ? lt(auditLog.at, options.before) : undefined,
        options.campaignId ? eq(auditLog.campaignId, options.campaignId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit);
}
