import { and, desc, eq, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { auditLog, campaigns, petitions, users } from "@/db/schema";
import type { AuditAction } from "@/lib/audit/actions";

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  entityType: "user" | "second_factor" | "invitation" | "campaign" | "profile" | "timeline_event" | "source" | "petition" | "media" | "signature" | "rally" | "abuse_rule" | "abuse_flag" | "client" | "update" | "person" | "bulk_invalidation";
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

const subject = alias(users, "subject");

/**
 * Newest first, with the actor's address and what the record names: the petition's title (of a petition, or of
 * a signature's petition), the campaign's name, or the account's address. `before` pages back.
 */
export async function listAuditEntries(db: Db, options: { limit: number; before?: Date; campaignId?: string }) {
  const petitionOfEntry = sql`case ${auditLog.entityType}
    when 'petition' then ${auditLog.entityId}
    when 'signature' then ${auditLog.details} ->> 'petitionId'
    when 'client' then case when ${auditLog.details} ->> 'action' = 'sign' then ${auditLog.details} ->> 'target' end end`;
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
      petitionTitle: petitions.title,
      campaignName: campaigns.name,
      subjectEmail: subject.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(petitions, sql`${petitions.id}::text = ${petitionOfEntry}`)
    .leftJoin(campaigns, eq(campaigns.id, auditLog.campaignId))
    .leftJoin(subject, and(eq(auditLog.entityType, "user"), sql`${subject.id}::text = ${auditLog.entityId}`))
    .where(
      and(
        options.before ? lt(auditLog.at, options.before) : undefined,
        options.campaignId ? eq(auditLog.campaignId, options.campaignId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit);
}

/**
 * Retention (issue 13 item 7): security events older than `before` forget the client's address-hash (their
 * entity id), and the abuse flags' entries the short form of it they show; the event, its action and its other details
 * stay, so the dashboard's sums do not change. Returns how many.
 */
export async function forgetSecurityEventClientHashesBefore(db: Db, before: Date): Promise<number> {
  const rows = await db
    .update(auditLog)
    .set({ entityId: null })
    .where(and(eq(auditLog.entityType, "client"), sql`${auditLog.entityId} is not null`, lt(auditLog.at, before)))
    .returning({ id: auditLog.id });
  // The abuse flags' entries (flagged, dismissed, blocked) show a client as a short form of its address-hash: that
  // goes too (a domain stays). An active block rule keeps its hash: it is the admin's decision, not a record.
  const flagged = await db
    .update(auditLog)
    .set({
      details: sql`case when ${auditLog.details} ? 'subject' then jsonb_set(${auditLog.details}, '{subject}', '"#…"')
                        else jsonb_set(${auditLog.details}, '{rule}', '"#…"') end`,
    })
    .where(
      and(
        eq(auditLog.entityType, "abuse_flag"),
        lt(auditLog.at, before),
        sql`((${auditLog.details}->>'kind' = 'client' and ${auditLog.details}->>'subject' <> '#…')
          or (${auditLog.details}->>'type' = 'client' and ${auditLog.details}->>'rule' <> '#…'))`,
      ),
    )
    .returning({ id: auditLog.id });
  return rows.length + flagged.length;
}
