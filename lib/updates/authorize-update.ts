import type { Db } from "@/db";
import { isCampaignMember } from "@/db/queries/organizers";
import { type UpdateWithTexts, findUpdateById } from "@/db/queries/updates";
import { AppError } from "@/lib/errors";
import { type Actor, requireActor } from "@/lib/organizers/access";
import { idSchema } from "@/lib/validation/organizers";

/**
 * The update, if the actor may manage its campaign (admins any, organizers their own); `not_found` for an
 * unknown, malformed or another campaign's id, so ids cannot be probed. `lock` holds the row for the transaction.
 */
export async function authorizeUpdate(db: Db, actor: Actor | null, updateId: string, options: { lock?: boolean } = {}): Promise<{ actor: Actor; update: UpdateWithTexts }> {
  const a = requireActor(actor);
  if (!idSchema.safeParse(updateId).success) throw new AppError("not_found");
  const update = await findUpdateById(db, updateId, options);
  if (!update) throw new AppError("not_found");
  if (a.role !== "admin" && !(await isCampaignMember(db, update.campaignId, a.userId))) throw new AppError("not_found");
  return { actor: a, update };
}
