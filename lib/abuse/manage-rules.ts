import type { Db } from "@/db";
import { type AbuseRule, deleteAbuseRule, insertAbuseRule, listAbuseRules } from "@/db/queries/abuse-rules";
import { insertAuditEntry } from "@/db/queries/audit";
import { AppError } from "@/lib/errors";
import { type Actor, requireAdmin } from "@/lib/organizers/access";
import { forgetAbuseRules, parseRulePattern } from "./rules";

/** Admins only: the block and allow lists, blocks first. */
export async function listRules(db: Db, actor: Actor | null): Promise<AbuseRule[]> {
  requireAdmin(actor);
  return listAbuseRules(db);
}

/** An admin adds a rule (audited, with what is shown of it: never an address in clear). Adding it twice is a no-op. */
export async function addRule(db: Db, actor: Actor | null, input: { kind: "block" | "allow"; pattern: string; note: string }) {
  const a = requireAdmin(actor);
  const parsed = parseRulePattern(input.pattern);
  const rule = await db.transaction(async (tx) => {
    const row = await insertAbuseRule(tx, { kind: input.kind, ...parsed, note: input.note, createdBy: a.userId });
    if (row) {
      await insertAuditEntry(tx, { actorId: a.userId, action: `abuse.${input.kind}`, entityType: "abuse_rule", entityId: row.id, details: { type: row.type, rule: row.display } });
    }
    return row;
  });
  forgetAbuseRules();
  return rule;
}

export async function removeRule(db: Db, actor: Actor | null, input: { ruleId: string }) {
  const a = requireAdmin(actor);
  const rule = await db.transaction(async (tx) => {
    const row = await deleteAbuseRule(tx, input.ruleId);
    if (!row) throw new AppError("not_found");
    await insertAuditEntry(tx, { actorId: a.userId, action: "abuse.remove", entityType: "abuse_rule", entityId: row.id, details: { kind: row.kind, type: row.type, rule: row.display } });
    return row;
  });
  forgetAbuseRules();
  return rule;
}
