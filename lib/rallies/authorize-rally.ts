import type { Db } from "@/db";
import { isCampaignMember } from "@/db/queries/organizers";
import { type Rally, findRallyById, lockRally } from "@/db/queries/rallies";
import { AppError } from "@/lib/errors";
import { type Actor, requireActor } from "@/lib/organizers/access";
import { idSchema } from "@/lib/validation/organizers";

/**
 * The rally, if the actor may manage its campaign (admins any, organizers their own); `not_found` for an
 * unknown, malformed or another campaign's id, so ids cannot be probed. `lock` takes the row for the
 * rest of the transaction.
 */
export async function authorizeRally(db: Db, actor: Actor | null, rallyId: string, options: { lock?: boolean } = {}): Promise<{ actor: Actor; rally: Rally }> {
  const a = requireActor(actor);
  if (!idSchema.safeParse(rallyId).success) throw new AppError("not_found");
  const rally = options.lock ? await lockRally(db, rallyId) : await findRallyById(db, rallyId);
  if (!rally) throw new AppError("not_found");
  if (a.role !== "admin" && !(await isCampaignMember(db, rally.campaignId, a.userId))) throw new AppError("not_found");
  return { actor: a, rally };
}
