// pg-boss `db` adapters so pg-boss never opens its own `pg` pool: it runs on the app's
// postgres.js client (production) or its single PGlite instance (embedded). Pass the same
// factories a *transaction* to enqueue atomically with our own writes:
//   sql.begin(tx => boss.send('email', data, { db: postgresJsExecutor(tx) }))
//   pglite.transaction(tx => boss.send('email', data, { db: pgliteExecutor(tx) }))
import type PgBoss from 'pg-boss'
import type { Sql, TransactionSql } from 'postgres'
import type { PGliteInterface, Transaction } from '@electric-sql/pglite'

/** pg-boss's tables live in this schema of the app's database (the queries write jobs there in SQL). */
export const BOSS_SCHEMA = 'pgboss'

type Row = Record<string, unknown>

/** pg-boss's install/migrate/maintenance scripts: "BEGIN; ...; COMMIT;" sent without parameters. */
const isTxScript = (text: string): boolean => /^\s*BEGIN\b/i.test(text)

/** OID of `unknown`: the server infers the parameter's type, exactly like node-postgres does. */
const UNKNOWN_OID = 705

/** Value -> text the way node-postgres' prepareValue does (pg-boss's SQL is written for it). */
function toPgText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => {
      const text = toPgText(item)
      if (text === null) return 'NULL'
      return Array.isArray(item) ? text : `"${text.replace(/[\\"]/g, '\\$&')}"`
    })
    return `{${items.join(',')}}`
  }
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** Rows of a (possibly multi-statement) postgres.js result: the last statement's rows. */
function lastRows(result: readonly unknown[]): Row[] {
  const last: unknown = Array.isArray(result[0]) ? result[result.length - 1] : result
  return last as Row[]
}

/** pg-boss Db over a postgres.js `Sql` (pool) or `TransactionSql` (from `sql.begin`). */
export function postgresJsExecutor(sql: Sql | TransactionSql): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length) {
        // Typed as `unknown` + pre-serialised text: immune to postgres.js inference
        // (json double-encoding) and to drizzle() swapping the client's json/date serializers.
        const params = values.map((v) => sql.typed(toPgText(v), UNKNOWN_OID))
        return { rows: await sql.unsafe<Row[]>(text, params) }
      }
      if (!('reserve' in sql) || !isTxScript(text)) return { rows: lastRows(await sql.unsafe(text)) }
      // A BEGIN on a pooled connection is refused by postgres.js (UNSAFE_TRANSACTION): reserve one.
      const conn = await sql.reserve()
      try {
        return { rows: lastRows(await conn.unsafe(text)) }
      } catch (err) {
        await conn.unsafe('ROLLBACK').catch(() => undefined) // don't hand back an aborted session
        throw err
      } finally {
        conn.release()
      }
    },
  }
}

/** pg-boss Db over a PGlite instance or a PGlite `Transaction` (from `pglite.transaction`). */
export function pgliteExecutor(db: PGliteInterface | Transaction): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length) return { rows: (await db.query<Row>(text, values)).rows }
      // No params: may be several statements, which only the simple protocol (exec) accepts.
      try {
        const results = await db.exec(text)
        return { rows: (results[results.length - 1]?.rows ?? []) as Row[] }
      } catch (err) {
        if (isTxScript(text)) await db.exec('ROLLBACK').catch(() => undefined)
        throw err
      }
    },
  }
}
