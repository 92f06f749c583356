import type { Db } from "@/db";
import { insertAbuseRule } from "@/db/queries/abuse-rules";
import { type AbuseFlag, insertBurstFlags, listAbuseFlags, resolveAbuseFlag } from "@/db/queries/abuse-flags";
import { insertAuditEntry } from "@/db/queries/audit";
import { AppError } from "@/lib/errors";
import { type Actor, requireAdmin } from "@/lib/organizers/access";
import { forgetAbuseRules } from "./rules";

/**
 * Trending-address alerts (issue 13 item 3), as GOV.UK's petitions site raises them: every hour, any client
 * (address-hash) or email domain with FLAG_THRESHOLD or more confirmed signatures on one petition within an
 * hour is flagged for the admins, who block it from the flag (a block rule for that address-hash or domain:
 * its later signatures are shadow-banned) or dismiss it (a mobile carrier's gateway, a popular mail provider).
 * A flag does not touch signatures already made: that is bulk invalidation's job.
 */
export const FLAG_THRESHOLD = 100;

/** How far back each run looks: two hours, so a late or skipped run still sees the last full hour. */
const LOOKBACK_MS = 2 * 3_600_000;

/** The hourly job: new flags (each audited), none for a burst already flagged. */
export async function flagBursts(db: Db, now = new Date()): Promise<AbuseFlag[]> {
  return db.transaction(async (tx) => {
    const flags = await insertBurstFlags(tx, { from: new Date(now.getTime() - LOOKBACK_MS), now, threshold: FLAG_THRESHOLD });
    for (const f of flags) {
      await insertAuditEntry(tx, {
        actorId: null,
        action: "abuse.flag",
        entityType: "abuse_flag",
        entityId: f.id,
        details: { kind: f.kind, subject: flagDisplay(f), petitionId: f.petitionId, signatures: f.signatures },
      });
    }
    return flags;
  });
}

/** What a flag shows of its subject: a domain, or a short form of the address-hash (never an address). */
export function flagDisplay(flag: Pick<AbuseFlag, "kind" | "subject">): string {
  return flag.kind === "domain" ? flag.subject : `#${flag.subject.slice(0, 12)}`;
}

export async function listFlags(db: Db, actor: Actor | null) {
  requireAdmin(actor);
  return listAbuseFlags(db);
}

/** An admin blocks a flag's subject: a block rule for that address-hash or domain, the flag resolved, audited. */
export async function blockFromFlag(db: Db, actor: Actor | null, input: { flagId: string }) {
  const a = requireAdmin(actor);
  await db.transaction(async (tx) => {
    const flag = await resolveAbuseFlag(tx, input.flagId, "blocked");
    if (!flag) throw new AppError("not_found");
    const rule =
      flag.kind === "domain"
        ? { type: "domain" as const, pattern: flag.subject, display: flag.subject }
        : { type: "client" as const, pattern: flag.subject, display: flagDisplay(flag) };
    const row = await insertAbuseRule(tx, { kind: "block", ...rule, note: "", createdBy: a.userId });
    await insertAuditEntry(tx, {
      actorId: a.userId,
      action: "abuse.block",
      entityType: "abuse_flag",
      entityId: flag.id,
      details: { type: rule.type, rule: rule.display, ruleId: row?.id ?? null, petitionId: flag.petitionId },
    });
  });
  forgetAbuseRules();
}

export async function dismissFlag(db: Db, actor: Actor | null, input: { flagId: string }) {
  const a = requireAdmin(actor);
  await db.transaction(async (tx) => {
    const flag = await resolveAbuseFlag(tx, input.flagId, "dismissed");
    if (!flag) throw new AppError("not_found");
    await insertAuditEntry(tx, { actorId: a.userId, action: "abuse.flag_dismiss", entityType: "abuse_flag", entityId: flag.id, details: { kind: flag.kind, subject: flagDisplay(flag) } });
  });
}
