import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { emailDomain, emailIndex, seal, sealNullable } from "@/db/personal-data";

/**
 * Rows written before encryption at rest (migration 0017 added the sealed columns and kept the plaintext ones,
 * nullable): each is sealed here, its blind index computed, and its plaintext columns set to null, in batches of
 * `batchSize` rows per transaction (rows locked with SKIP LOCKED, so several processes or the rotation command
 * can run it at once). SQL cannot do it: the keys live outside the database. Run at every start (lib/server-start.ts)
 * and by `npm run data:rotate-key`; idempotent: a row in clear is found by its non-null plaintext column. A later
 * migration drops the plaintext columns once every deployment has run it. Returns how many rows it sealed.
 */
export async function sealLegacyPersonalData(db: Db, batchSize = 500): Promise<number> {
  let total = 0;
  for (const step of [sealSignatures, sealRsvps, sealSubscribers, sealSuppressions]) {
    for (;;) {
      const n = await db.transaction((tx) => step(tx, batchSize));
      total += n;
      if (n < batchSize) break;
    }
  }
  return total;
}

const ERASED = "erased:";

/** An anonymised row's marker stays as its index (it matches nobody); any other address gets its blind index. */
const indexOf = (email: string) => (email.startsWith(ERASED) ? email : emailIndex(email));

async function sealSignatures(tx: Db, limit: number): Promise<number> {
  const rows = rowsOf<{ id: string; email: string | null; name: string | null }>(
    await tx.execute(sql`select id, email_normalized as email, name from signatures
      where email_normalized is not null or name is not null order by id limit ${limit} for update skip locked`),
  );
  if (rows.length === 0) return 0;
  const sealed = rows.map((r) => {
    const email = r.email ?? `${ERASED}${r.id}`;
    const erased = email.startsWith(ERASED);
    return {
      id: r.id,
      idx: indexOf(email),
      email: seal("signatures.email", erased ? "" : email),
      name: seal("signatures.name", r.name ?? ""),
      domain: erased ? null : emailDomain(email),
    };
  });
  // A row signed again after the migration by the same address (an old process, mid-deploy) keeps its own marker:
  // never dropped, never a second counted signer for the unique index.
  await tx.execute(sql`
    update signatures s set
      email_index = case when exists (select 1 from signatures o where o.petition_id = s.petition_id and o.email_index = r.idx and o.id <> s.id)
        then 'duplicate:' || s.id::text else r.idx end,
      email_sealed = r.email, name_sealed = r.name, email_domain = r.domain, email_normalized = null, name = null
    from jsonb_to_recordset(${JSON.stringify(sealed)}::jsonb) as r(id uuid, idx text, email text, name text, domain text)
    where s.id = r.id`);
  return rows.length;
}

async function sealRsvps(tx: Db, limit: number): Promise<number> {
  const rows = rowsOf<{ id: string; email: string | null; name: string | null }>(
    await tx.execute(sql`select id, email_normalized as email, name from rsvps
      where email_normalized is not null or name is not null order by id limit ${limit} for update skip locked`),
  );
  if (rows.length === 0) return 0;
  const sealed = rows.map((r) => {
    const erased = r.email?.startsWith(ERASED) ?? false;
    return {
      id: r.id,
      idx: r.email === null ? null : indexOf(r.email),
      email: sealNullable("rsvps.email", r.email === null ? null : erased ? "" : r.email),
      name: seal("rsvps.name", r.name ?? ""),
    };
  });
  await tx.execute(sql`
    update rsvps s set
      email_index = case when r.idx is not null and exists (select 1 from rsvps o where o.rally_id = s.rally_id and o.email_index = r.idx and o.id <> s.id)
        then 'duplicate:' || s.id::text else r.idx end,
      email_sealed = r.email, name_sealed = r.name, email_normalized = null, name = null
    from jsonb_to_recordset(${JSON.stringify(sealed)}::jsonb) as r(id uuid, idx text, email text, name text)
    where s.id = r.id`);
  return rows.length;
}

async function sealSubscribers(tx: Db, limit: number): Promise<number> {
  const rows = rowsOf<{ id: string; email: string }>(
    await tx.execute(sql`select id, email_normalized as email from subscribers
      where email_normalized is not null order by id limit ${limit} for update skip locked`),
  );
  if (rows.length === 0) return 0;
  const sealed = rows.map((r) => ({ id: r.id, idx: indexOf(r.email), email: seal("subscribers.email", r.email) }));
  await tx.execute(sql`
    update subscribers s set
      email_index = case when exists (select 1 from subscribers o where o.campaign_id = s.campaign_id and o.email_index = r.idx and o.id <> s.id)
        then 'duplicate:' || s.id::text else r.idx end,
      email_sealed = r.email, email_normalized = null
    from jsonb_to_recordset(${JSON.stringify(sealed)}::jsonb) as r(id uuid, idx text, email text)
    where s.id = r.id`);
  return rows.length;
}

async function sealSuppressions(tx: Db, limit: number): Promise<number> {
  const rows = rowsOf<{ email: string }>(
    await tx.execute(sql`select email_normalized as email from email_suppressions
      where email_normalized is not null order by email_normalized limit ${limit} for update skip locked`),
  );
  if (rows.length === 0) return 0;
  const keyed = rows.map((r) => ({ legacy: r.email, idx: emailIndex(r.email) }));
  const input = sql`jsonb_to_recordset(${JSON.stringify(keyed)}::jsonb) as r(legacy text, idx text)`;
  // Already suppressed under its index (a bounce since the migration): the older row goes, the suppression stays.
  await tx.execute(sql`delete from email_suppressions s using ${input}
    where s.email_normalized = r.legacy and exists (select 1 from email_suppressions o where o.email_index = r.idx)`);
  await tx.execute(sql`update email_suppressions s set email_index = r.idx, email_normalized = null from ${input}
    where s.email_normalized = r.legacy`);
  return rows.length;
}
