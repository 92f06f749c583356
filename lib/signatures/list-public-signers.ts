import type { Db } from "@/db";
import { countPublicSignerNames, listPublicSignerNames } from "@/db/queries/signatures";

export const publicSignersPageSize = 50;

/** Where a page of the public list starts: the newest names, or older / newer than a name the list showed. */
export type SignersPageStart = { older?: string; newer?: string };

/**
 * The public list of a petition's signers: only those who ticked "show my name" and confirmed, and whom no
 * organizer hid; newest first; name and day only. Everyone else is counted, never named. The same for every
 * visitor (no per-visitor state), so a page cache can serve it. Paged by keyset: `olderThan` / `newerThan` are
 * the ids of this page's last and first names, for the links to the next pages; null when there is none.
 */
export async function listPublicSigners(db: Db, petitionId: string, options: SignersPageStart & { pageSize?: number } = {}) {
  const limit = options.pageSize ?? publicSignersPageSize;
  const [total, page] = await Promise.all([
    countPublicSignerNames(db, petitionId),
    listPublicSignerNames(db, petitionId, { limit, older: options.older, newer: options.newer }),
  ]);
  const { rows, more } = page;
  const first = rows[0]?.id ?? null;
  const last = rows.at(-1)?.id ?? null;
  return {
    total,
    signers: rows.map(({ name, day }) => ({ name, day })),
    /** Older names follow: after a `newer` page always (it came from there), else when more rows were read. */
    olderThan: options.newer ? last : more ? last : null,
    /** Newer names exist: on any page that did not start at the newest. */
    newerThan: options.newer ? (more ? first : null) : options.older ? first : null,
    /** Whether this page was asked from a starting name (a link) rather than the list's head. */
    fromCursor: Boolean(options.older ?? options.newer),
  };
}
