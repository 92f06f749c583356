import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { countHit } from "@/db/queries/rate-limits";
import { auditLog } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { type Actor, requireAdmin } from "@/lib/organizers/access";
import type { AuditAction } from "./actions";

/**
 * Security events (issue 13 item 12), written to the audit log by the system: a refused access, a client tripping
 * a limit, a block-list hit, a forged proof of work. They name a client only by its keyed address-hash (never
 * an address, an email or a name). A limit trip is written once per window (the request that crosses it); a
 * block-list hit once per client, target and hour, so a bot hammering a block cannot flood the log.
 * Failed second factors and exports are audited where they happen (their own actions) and summed here too.
 * `target` is always an id, never a slug (a slug can change): a petition's for signing (here and in the group
 * commit's limit trips, db/queries/signatures.ts), a rally's for RSVPs, a campaign's for subscriptions; the
 * audit page joins the petition for display (db/queries/audit.ts). The address-hash goes after 30 days
 * (lib/retention/apply-retention.ts); the event stays.
 */
export type SecurityEvent =
  | { kind: "limit_trip"; action: string; client: string; target: string; window: "minute" | "hour"; now?: Date }
  | { kind: "block_hit"; action: string; client: string; target: string; now?: Date }
  | { kind: "pow_forged"; action: string; client: string; target: string; now?: Date }
  | { kind: "refused"; actorId: string | null; where: string; reason: string };

export async function recordSecurityEvent(db: Db, event: SecurityEvent): Promise<void> {
  if (event.kind === "refused") {
    await insertAuditEntry(db, { actorId: event.actorId, action: "security.refused", entityType: "user", entityId: event.actorId, details: { where: event.where.slice(0, 200), reason: event.reason } });
    return;
  }
  const now = event.now ?? new Date();
  if (event.kind !== "limit_trip") {
    const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
    if ((await countHit(db, `security:${event.kind}`, `${event.action}:${event.target}:${event.client}`, hour)) > 1) return;
  }
  await insertAuditEntry(db, {
    actorId: null,
    action: `security.${event.kind}`,
    entityType: "client",
    entityId: event.client,
    details: { action: event.action, target: event.target, ...(event.kind === "limit_trip" ? { window: event.window } : {}) },
  });
}

/** A signed-in person refused by role (an organizer at an admin page, form or export): a security event. */
export async function recordRefusal(db: Db, error: unknown, actorId: string | null | undefined, where: string): Promise<void> {
  if (isAppError(error) && error.code === "forbidden") await recordSecurityEvent(db, { kind: "refused", actorId: actorId ?? null, where, reason: error.code });
}

/** What the dashboard sums, and the audit actions behind each line. */
export const securityEventGroups = {
  refused: ["security.refused"],
  limit_trip: ["security.limit_trip"],
  block_hit: ["security.block_hit"],
  pow_forged: ["security.pow_forged"],
  second_factor_fail: ["second_factor.fail"],
  export: ["signatures.export", "signatures.delivery_pack", "rally.attendees.export"],
} as const satisfies Record<string, readonly AuditAction[]>;

export type SecurityEventGroup = keyof typeof securityEventGroups;
export type SecuritySummary = Record<SecurityEventGroup, { day: number; week: number }>;

/** Each group's events in the last 24 hours and the last 7 days (one query, on the audit log's time index). */
export async function summarizeSecurityEvents(db: Db, now = new Date()): Promise<SecuritySummary> {
  const actions = Object.values(securityEventGroups).flat();
  const day = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  const week = new Date(now.getTime() - 7 * 24 * 3_600_000).toISOString();
  const rows = rowsOf<{ action: string; day: number; week: number }>(
    await db.execute(sql`
      select ${auditLog.action} as action,
        count(*) filter (where ${auditLog.at} > ${day}::timestamptz)::int as day, count(*)::int as week
      from ${auditLog}
      where ${auditLog.at} > ${week}::timestamptz and ${auditLog.at} <= ${now.toISOString()}::timestamptz
        and ${auditLog.action} in (${sql.join(actions.map((a) => sql`${a}`), sql`, `)})
      group by ${auditLog.action}`),
  );
  const summary = Object.fromEntries(Object.keys(securityEventGroups).map((g) => [g, { day: 0, week: 0 }])) as SecuritySummary;
  for (const [group, members] of Object.entries(securityEventGroups) as [SecurityEventGroup, readonly string[]][]) {
    for (const r of rows.filter((r) => members.includes(r.action))) {
      summary[group].day += Number(r.day);
      summary[group].week += Number(r.week);
    }
  }
  return summary;
}

/** Admins only: the summary on the dashboard's home. */
export async function readSecuritySummary(db: Db, actor: Actor | null, now = new Date()): Promise<SecuritySummary> {
  requireAdmin(actor);
  return summarizeSecurityEvents(db, now);
}
