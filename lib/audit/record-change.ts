import type { Db } from "@/db";
import { type AuditEntry, insertAuditEntry } from "@/db/queries/audit";
import type { AuditAction } from "@/lib/audit/actions";
import type { Actor } from "@/lib/organizers/access";

/**
 * The audit entry of an actor's change to one row of a campaign (a campaign is its own), or of their export of
 * it, written in the change's own transaction so both commit or neither does (an export: before the first row is
 * read). Entries of no campaign (accounts, second factor, abuse lists, security events) call insertAuditEntry.
 */
export function recordChange(
  tx: Db,
  actor: Actor,
  action: AuditAction,
  subject: { type: AuditEntry["entityType"]; id: string; campaignId: string },
  details?: Record<string, unknown>,
): Promise<void> {
  return insertAuditEntry(tx, { actorId: actor.userId, action, entityType: subject.type, entityId: subject.id, campaignId: subject.campaignId, details });
}
