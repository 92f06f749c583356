import { type SQL, desc, eq, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { type BulkInvalidationFilter, bulkInvalidationItems, bulkInvalidations, petitions, signatures, users } from "@/db/schema";
import { timeZone } from "@/lib/i18n/locales";
import { openOr } from "@/db/personal-data";

/**
 * Bulk invalidation (admins, lib/abuse/bulk-invalidate.ts): the signatures of one petition that match a filter —
 * a name (contains, any case), an email domain, an address-hash, a date range (days in the campaign's time zone)
 * — and that still count or may (confirmed, pending). The domain is matched on the plain `email_domain` column; the
 * name is sealed, so the candidates the other filters leave are opened here and matched in TypeScript (then by id).
 */
function matchingWithoutName(f: BulkInvalidationFilter): SQL {
  const parts: SQL[] = [sql`s.petition_id = ${f.petitionId}::uuid`, sql`s.state in ('pending', 'confirmed')`];
  if (f.domain) parts.push(sql`s.email_domain = ${f.domain.toLowerCase()}`);
  if (f.clientHash) parts.push(sql`s.client_hash = ${f.clientHash}`);
  if (f.from) parts.push(sql`s.created_at >= (${f.from}::date)::timestamp at time zone ${timeZone}`);
  if (f.to) parts.push(sql`s.created_at < (${f.to}::date + 1)::timestamp at time zone ${timeZone}`);
  return sql.join(parts, sql` and `);
}

/** The filter as SQL over `s`; a name filter becomes the ids of the candidates whose name contains it (any case). */
async function matching(db: Db, f: BulkInvalidationFilter): Promise<SQL> {
  const base = matchingWithoutName(f);
  if (!f.name) return base;
  const needle = f.name.toLocaleLowerCase();
  const candidates = rowsOf<{ id: string; name: string | null }>(
    await db.execute(sql`select s.id, s.name_sealed as name from ${signatures} s where ${base}`),
  );
  const ids = candidates.filter((c) => openOr("signatures.name", c.name).toLocaleLowerCase().includes(needle)).map((c) => c.id);
  return sql`${base} and s.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;
}

/** How many signatures a filter matches now: the preview. */
export async function countBulkInvalidationMatches(db: Db, f: BulkInvalidationFilter): Promise<{ total: number; confirmed: number }> {
  const [row] = rowsOf<{ total: number; confirmed: number }>(
    await db.execute(sql`select count(*)::int as total, (count(*) filter (where s.state = 'confirmed'))::int as confirmed
      from ${signatures} s where ${await matching(db, f)}`),
  );
  return { total: Number(row?.total ?? 0), confirmed: Number(row?.confirmed ?? 0) };
}

/**
 * Invalidates every match in one statement (locked, so a confirmation meanwhile waits), remembering what each was
 * so the run can be reversed. Returns the run's id and how many it invalidated (of those, confirmed, and on the public list).
 */
export async function invalidateMatches(db: Db, f: BulkInvalidationFilter, createdBy: string) {
  const [run] = await db.insert(bulkInvalidations).values({ petitionId: f.petitionId, filter: f, invalidated: 0, createdBy }).returning({ id: bulkInvalidations.id });
  const [row] = rowsOf<{ total: number; confirmed: number; named: number }>(
    await db.execute(sql`
      with m as (
        select s.id, s.state, s.state = 'confirmed' and s.show_name_publicly and s.name_hidden_at is null as shown
        from ${signatures} s where ${await matching(db, f)} for update
      ),
      items as (insert into ${bulkInvalidationItems} (invalidation_id, signature_id, previous_state) select ${run!.id}::uuid, id, state from m),
      changed as (update ${signatures} s set state = 'invalidated', updated_at = now() from m where s.id = m.id)
      select count(*)::int as total, (count(*) filter (where m.state = 'confirmed'))::int as confirmed,
        (count(*) filter (where m.shown))::int as named from m`),
  );
  const result = { id: run!.id, total: Number(row?.total ?? 0), confirmed: Number(row?.confirmed ?? 0), named: Number(row?.named ?? 0) };
  await db.update(bulkInvalidations).set({ invalidated: result.total }).where(eq(bulkInvalidations.id, run!.id));
  return result;
}

/** A run, locked, if it can still be reversed: not reversed yet and made after `since`. */
export async function lockReversibleInvalidation(db: Db, id: string, since: Date) {
  const [row] = await db
    .select()
    .from(bulkInvalidations)
    .where(sql`${bulkInvalidations.id} = ${id} and ${bulkInvalidations.reversedAt} is null and ${bulkInvalidations.createdAt} > ${since.toISOString()}::timestamptz`)
    .for("update");
  return row ?? null;
}

/**
 * Puts back every signature of a run that is still invalidated (one withdrawn or deleted since stays gone) in the
 * state it had; the run is marked reversed and forgets its items. Returns how many came back, and of those confirmed.
 */
export async function restoreInvalidation(db: Db, id: string, reversedBy: string) {
  const [row] = rowsOf<{ total: number; confirmed: number; named: number }>(
    await db.execute(sql`
      with restored as (
        update ${signatures} s set state = i.previous_state, updated_at = now()
        from ${bulkInvalidationItems} i
        where i.invalidation_id = ${id}::uuid and s.id = i.signature_id and s.state = 'invalidated'
        returning i.previous_state, i.previous_state = 'confirmed' and s.show_name_publicly and s.name_hidden_at is null as shown
      )
      select count(*)::int as total, (count(*) filter (where previous_state = 'confirmed'))::int as confirmed,
        (count(*) filter (where shown))::int as named from restored`),
  );
  const result = { total: Number(row?.total ?? 0), confirmed: Number(row?.confirmed ?? 0), named: Number(row?.named ?? 0) };
  await db.update(bulkInvalidations).set({ reversedAt: sql`now()`, reversedBy, restored: result.total }).where(eq(bulkInvalidations.id, id));
  await db.delete(bulkInvalidationItems).where(eq(bulkInvalidationItems.invalidationId, id));
  return result;
}

/** Retention: runs made before `cutoff` are final: what they changed is no longer kept. Returns items deleted. */
export async function finalizeBulkInvalidationsBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db.execute(sql`
    delete from ${bulkInvalidationItems} where invalidation_id in
      (select id from ${bulkInvalidations} where created_at < ${cutoff.toISOString()}::timestamptz)
    returning 1`);
  return rowsOf(result).length;
}

/** The latest runs, for the admin page: when, who, which petition, what filter, how many, reversed or not. */
export async function listBulkInvalidations(db: Db, limit = 20) {
  return db
    .select({
      id: bulkInvalidations.id,
      createdAt: bulkInvalidations.createdAt,
      filter: bulkInvalidations.filter,
      invalidated: bulkInvalidations.invalidated,
      reversedAt: bulkInvalidations.reversedAt,
      restored: bulkInvalidations.restored,
      by: users.email,
      petitionTitle: petitions.title,
      petitionSlug: petitions.slug,
    })
    .from(bulkInvalidations)
    .leftJoin(users, eq(users.id, bulkInvalidations.createdBy))
    .leftJoin(petitions, eq(petitions.id, bulkInvalidations.petitionId))
    .orderBy(desc(bulkInvalidations.createdAt))
    .limit(limit);
}

/** Every petition that has signatures to judge, for the admin's choice (drafts have none). */
export async function listPetitionsForInvalidation(db: Db) {
  return db
    .select({ id: petitions.id, slug: petitions.slug, title: petitions.title, state: petitions.state })
    .from(petitions)
    .where(sql`${petitions.state} <> 'draft'`)
    .orderBy(desc(petitions.createdAt));
}
