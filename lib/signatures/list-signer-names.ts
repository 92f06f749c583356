import type { Db } from "@/db";
import { listShowableSignerNames } from "@/db/queries/signatures";
import type { Actor } from "@/lib/organizers/access";
import { authorizePetition } from "@/lib/organizers/authorize";

export const signerNamesPageSize = 50;

/** For the petition's organizers: the names shown publicly (and those they hid), to moderate the list. */
export async function listSignerNames(db: Db, actor: Actor | null, input: { petitionId: string; page: number }) {
  const { petition } = await authorizePetition(db, actor, input.petitionId);
  const { rows, total } = await listShowableSignerNames(db, petition.id, { offset: (input.page - 1) * signerNamesPageSize, limit: signerNamesPageSize });
  return { names: rows, total, page: input.page, pages: Math.max(1, Math.ceil(total / signerNamesPageSize)) };
}
