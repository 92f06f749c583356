import type { Db } from "@/db";
import { countPublicSignerNames, listPublicSignerNames } from "@/db/queries/signatures";

export const publicSignersPageSize = 50;

/**
 * The public list of a petition's signers: only those who ticked "show my name" and confirmed, and whom no
 * organizer hid; newest first; name and day only. Everyone else is counted, never named. The same for every
 * visitor (no per-visitor state), so a page cache can serve it.
 */
export async function listPublicSigners(db: Db, petitionId: string, options: { page: number; pageSize?: number }) {
  const pageSize = options.pageSize ?? publicSignersPageSize;
  const [total, signers] = await Promise.all([
    countPublicSignerNames(db, petitionId),
    listPublicSignerNames(db, petitionId, { offset: (options.page - 1) * pageSize, limit: pageSize }),
  ]);
  return { total, signers, page: options.page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
