import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { PersonalDataError, type SealedColumn, currentKeyId, open, seal } from "@/db/personal-data";

/**
 * Key rotation (`npm run data:rotate-key`): every sealed value not under the current key is opened with the key it
 * names (DATA_KEY_PREVIOUS) and sealed again with the current one (DATA_KEY), in keyset batches of `batchSize` rows
 * per transaction, so it runs while the app runs: a batch locks only its own rows, for milliseconds. Idempotent
 * and resumable: a run finds the rows still under another key by the key id in their values (`v1.<keyId>.…`), so
 * an interrupted run is simply started again. A value that does not open (unknown key, tampered) is left as it is
 * and counted; the run goes on. `resealed`: rows (and waiting emails) written under the current key.
 */
export type ResealResult = { resealed: number; unreadable: number };

type Table = { table: string; columns: { name: string; column: SealedColumn }[] };

const tables: Table[] = [
  { table: "signatures", columns: [{ name: "email_sealed", column: "signatures.email" }, { name: "name_sealed", column: "signatures.name" }] },
  { table: "rsvps", columns: [{ name: "email_sealed", column: "rsvps.email" }, { name: "name_sealed", column: "rsvps.name" }] },
  { table: "subscribers", columns: [{ name: "email_sealed", column: "subscribers.email" }] },
];

export async function resealPersonalData(db: Db, options: { batchSize?: number; onBatch?: (table: string, n: number) => void } = {}): Promise<ResealResult> {
  const batchSize = options.batchSize ?? 500;
  const keyId = currentKeyId();
  const result: ResealResult = { resealed: 0, unreadable: 0 };
  for (const t of tables) {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const stale = sql.join(
        t.columns.map((c) => sql`(${sql.identifier(c.name)} is not null and split_part(${sql.identifier(c.name)}, '.', 2) <> ${keyId})`),
        sql` or `,
      );
      const batch = await db.transaction(async (tx) => {
        const rows = rowsOf<Record<string, string | null> & { id: string }>(
          await tx.execute(sql`select id, ${sql.join(t.columns.map((c) => sql.identifier(c.name)), sql`, `)}
            from ${sql.identifier(t.table)} where id > ${after}::uuid and (${stale}) order by id limit ${batchSize} for update`),
        );
        const updates: Record<string, string | null>[] = [];
        for (const row of rows) {
          const next: Record<string, string | null> = { id: row.id };
          let readable = true;
          for (const c of t.columns) {
            const value = row[c.name] ?? null;
            if (value === null || value.split(".")[1] === keyId) {
              next[c.name] = value;
              continue;
            }
            try {
              next[c.name] = seal(c.column, open(c.column, value));
            } catch (error) {
              if (!(error instanceof PersonalDataError)) throw error;
              readable = false;
            }
          }
          if (readable) updates.push(next);
          else result.unreadable++;
        }
        if (updates.length > 0) {
          const cols = t.columns.map((c) => c.name);
          await tx.execute(sql`update ${sql.identifier(t.table)} t set ${sql.join(cols.map((c) => sql`${sql.identifier(c)} = r.${sql.identifier(c)}`), sql`, `)}
            from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb)
              as r(id uuid, ${sql.join(cols.map((c) => sql`${sql.identifier(c)} text`), sql`, `)})
            where t.id = r.id`);
        }
        return { n: rows.length, last: rows.at(-1)?.id, resealed: updates.length };
      });
      result.resealed += batch.resealed;
      if (batch.n > 0) options.onBatch?.(t.table, batch.resealed);
      if (batch.n < batchSize || !batch.last) break;
      after = batch.last;
    }
  }
  // Rendered emails waiting in a batch (cleared once it is sent): few rows, one statement's worth at a time.
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = rowsOf<{ batch_id: string; position: number; message: string }>(
        await tx.execute(sql`select batch_id, position, message #>> '{}' as message from email_batch_members
          where jsonb_typeof(message) = 'string' and split_part(message #>> '{}', '.', 2) <> ${keyId}
          limit ${batchSize} for update skip locked`),
      );
      const updates = rows.flatMap((r) => {
        try {
          return [{ batch_id: r.batch_id, position: r.position, message: seal("email_batch_members.message", open("email_batch_members.message", r.message)) }];
        } catch (error) {
          if (!(error instanceof PersonalDataError)) throw error;
          result.unreadable++;
          return [];
        }
      });
      if (updates.length > 0) {
        await tx.execute(sql`update email_batch_members m set message = to_jsonb(r.message)
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as r(batch_id uuid, position smallint, message text)
          where m.batch_id = r.batch_id and m.position = r.position`);
      }
      result.resealed += updates.length;
      return updates.length;
    });
    if (n === 0) break;
  }
  return result;
}
