import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import {
  countBulkInvalidationMatches,
  invalidateMatches,
  listBulkInvalidations,
  listPetitionsForInvalidation,
  lockReversibleInvalidation,
  restoreInvalidation,
} from "@/db/queries/bulk-invalidations";
import { addToConfirmedCount } from "@/db/queries/signatures";
import { AppError } from "@/lib/errors";
import { type Actor, requireAdmin } from "@/lib/organizers/access";
import { RETENTION } from "@/lib/retention/apply-retention";
import type { BulkFilter } from "@/lib/validation/abuse";

const DAY = 24 * 3600_000;

/** What the audit log keeps of a filter: the domain, hash and dates; a name only as its length (it is personal). */
function auditFilter(f: BulkFilter) {
  return { domain: f.domain, clientHash: f.clientHash, from: f.from, to: f.to, name: f.name ? { length: f.name.length } : undefined };
}

/** Admins only: how many signatures (and of those confirmed) the filter matches now. Changes nothing. */
export async function previewBulkInvalidation(db: Db, actor: Actor | null, filter: BulkFilter) {
  requireAdmin(actor);
  return countBulkInvalidationMatches(db, filter);
}

/**
 * Admins only: invalidates every signature the filter matches, in one transaction with the count (confirmed ones
 * come off at once) and an audit entry. `expected` is the count the admin previewed: if the matches changed
 * since, nothing happens (`conflict`) and the page shows the new preview. Reversible for 7 days.
 */
export async function runBulkInvalidation(db: Db, actor: Actor | null, input: BulkFilter & { expected: number }) {
  const a = requireAdmin(actor);
  const { expected, ...filter } = input;
  return db.transaction(async (tx) => {
    const run = await invalidateMatches(tx, filter, a.userId);
    if (run.total !== expected) throw new AppError("conflict", { form: "bulk_count_changed" });
    await addToConfirmedCount(tx, filter.petitionId, -run.confirmed, -run.named);
    await insertAuditEntry(tx, {
      actorId: a.userId,
      action: "signatures.bulk_invalidate",
      entityType: "bulk_invalidation",
      entityId: run.id,
      details: { petitionId: filter.petitionId, filter: auditFilter(filter), invalidated: run.total, confirmed: run.confirmed },
    });
    return { id: run.id, total: run.total, confirmed: run.confirmed };
  });
}

/** Admins only, within 7 days: every signature of the run still invalidated gets its state back, and counts again. */
export async function reverseBulkInvalidation(db: Db, actor: Actor | null, input: { invalidationId: string }, options: { now?: Date } = {}) {
  const a = requireAdmin(actor);
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const run = await lockReversibleInvalidation(tx, input.invalidationId, new Date(now.getTime() - RETENTION.bulkReversalDays * DAY));
    if (!run) throw new AppError("illegal_transition", { form: "bulk_not_reversible" });
    const restored = await restoreInvalidation(tx, run.id, a.userId);
    await addToConfirmedCount(tx, run.petitionId, restored.confirmed, restored.named);
    await insertAuditEntry(tx, {
      actorId: a.userId,
      action: "signatures.bulk_restore",
      entityType: "bulk_invalidation",
      entityId: run.id,
      details: { petitionId: run.petitionId, restored: restored.total, confirmed: restored.confirmed },
    });
    return { total: restored.total, confirmed: restored.confirmed };
  });
}

/** Admins only: the page's lists — the petitions to choose from and the latest runs, each with its reversal deadline. */
export async function bulkInvalidationPage(db: Db, actor: Actor | null, options: { now?: Date } = {}) {
  requireAdmin(actor);
  const now = options.now ?? new Date();
  const [petitions, runs] = [await listPetitionsForInvalidation(db), await listBulkInvalidations(db)];
  return {
    petitions,
    runs: runs.map((r) => {
      const until = new Date(r.createdAt.getTime() + RETENTION.bulkReversalDays * DAY);
      return { ...r, reversibleUntil: until, reversible: !r.reversedAt && until > now };
    }),
  };
}
