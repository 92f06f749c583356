import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { openOr } from "@/db/personal-data";
import { type Db, rowsOf } from "@/db";
import { signatures, signatureStates } from "@/db/schema";

/**
 * Read-only figures and the delivery export for organizers. Next to db/queries/signatures.ts (which owns every
 * write), this is the only other module that reads signers' personal data.
 */

export type SignatureState = (typeof signatureStates)[number];

export async function countSignaturesByState(db: Db, petitionId: string): Promise<Record<SignatureState, number>> {
  const rows = await db
    .select({ state: signatures.state, n: sql<number>`count(*)::int` })
    .from(signatures)
    .where(eq(signatures.petitionId, petitionId))
    .groupBy(signatures.state);
  const out = Object.fromEntries(signatureStates.map((s) => [s, 0])) as Record<SignatureState, number>;
  for (const r of rows) out[r.state] = r.n;
  return out;
}

/** Confirmed signatures per calendar day in `timeZone`, oldest first, for days that have any. */
export async function confirmedPerDay(db: Db, petitionId: string, timeZone: string): Promise<{ day: string; n: number }[]> {
  const result = await db.execute(sql`
    select to_char(${signatures.confirmedAt} at time zone ${timeZone}, 'YYYY-MM-DD') as day, count(*)::int as n
    from ${signatures}
    where ${signatures.petitionId} = ${petitionId} and ${signatures.state} = 'confirmed' and ${signatures.confirmedAt} is not null
    group by 1 order by 1`);
  return rowsOf<{ day: string; n: number }>(result).map((r) => ({ day: r.day, n: Number(r.n) }));
}

/** Of the confirmed signers: how many asked for updates, let their name be shown, and be named to the target. */
export async function consentCounts(db: Db, petitionId: string) {
  const [row] = await db
    .select({
      updates: sql<number>`count(*) filter (where ${signatures.consentUpdates})::int`,
      publicName: sql<number>`count(*) filter (where ${signatures.showNamePublicly})::int`,
      deliveryName: sql<number>`count(*) filter (where ${signatures.consentDelivery})::int`,
    })
    .from(signatures)
    .where(and(eq(signatures.petitionId, petitionId), eq(signatures.state, "confirmed")));
  return { updates: row?.updates ?? 0, publicName: row?.publicName ?? 0, deliveryName: row?.deliveryName ?? 0 };
}

/** Confirmed signatures, and how many of those signers agreed to be named to the petition's target. */
export async function deliveryCounts(db: Db, petitionId: string): Promise<{ confirmed: number; named: number }> {
  const [row] = await db
    .select({
      confirmed: sql<number>`count(*)::int`,
      named: sql<number>`count(*) filter (where ${signatures.consentDelivery})::int`,
    })
    .from(signatures)
    .where(and(eq(signatures.petitionId, petitionId), eq(signatures.state, "confirmed")));
  return { confirmed: row?.confirmed ?? 0, named: row?.named ?? 0 };
}

/** `cursor` is the row's sort key at full (microsecond) precision; pass the last row's back as `after`. */
export type ExportRow = { id: string; name: string; confirmedAt: Date; cursor: string; email?: string };

/**
 * Confirmed signatures in confirmation order, one page at a time (keyset on confirmed_at, id), so an export of
 * any size streams without holding every row. The address is read only when `withEmail`; `namedForDelivery`
 * keeps only the signers who agreed to have their name delivered to the petition's target.
 */
export async function confirmedSignaturesPage(
  db: Db,
  petitionId: string,
  options: { withEmail: boolean; namedForDelivery?: boolean; after?: { cursor: string; id: string }; limit: number },
): Promise<ExportRow[]> {
  const after = options.after;
  // A confirmed row always has confirmed_at; the fallback only keeps the keyset total if one ever does not.
  const at = sql<Date>`coalesce(${signatures.confirmedAt}, ${signatures.createdAt})`;
  const rows = await db
    .select({
      id: signatures.id,
      name: signatures.nameSealed,
      confirmedAt: at.mapWith(signatures.confirmedAt),
      cursor: sql<string>`${at}::text`,
      ...(options.withEmail ? { email: signatures.emailSealed } : {}),
    })
    .from(signatures)
    .where(
      and(
        eq(signatures.petitionId, petitionId),
        eq(signatures.state, "confirmed"),
        options.namedForDelivery ? eq(signatures.consentDelivery, true) : undefined,
        after
          ? or(sql`${at} > ${after.cursor}::timestamptz`, and(sql`${at} = ${after.cursor}::timestamptz`, gt(signatures.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(asc(at), asc(signatures.id))
    .limit(options.limit);
  // Opened on the fly, one page at a time (the exports are audited by their callers).
  return rows.map((r) => {
    const row = r as typeof r & { email?: string | null };
    return {
      id: row.id,
      name: openOr("signatures.name", row.name),
      confirmedAt: row.confirmedAt,
      cursor: row.cursor,
      ...(options.withEmail ? { email: openOr("signatures.email", row.email ?? null) } : {}),
    };
  });
}
