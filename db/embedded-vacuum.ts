import { sql } from 'drizzle-orm'
import { type Db, rowsOf } from './database'

/**
 * PostgreSQL's autovacuum thresholds (its defaults: a table is vacuumed once its dead rows pass 50 + 20 % of its live
 * ones, analysed once the rows changed since the last analysis pass 50 + 10 %).
 */
const VACUUM = { threshold: 50, scaleFactor: 0.2 }
const ANALYZE = { threshold: 50, scaleFactor: 0.1 }

export interface TableMaintenance {
  table: string
  vacuumed: boolean
  analyzed: boolean
}

/**
 * PGlite runs PostgreSQL as one single-user backend, without the autovacuum launcher: measured, a table with 100 000
 * dead rows still had them a minute past autovacuum's naptime. Dead rows from every UPDATE (a lease, a mark, a
 * check-out) stay in the tables and their indexes, so each inbox lease reads more of them every day, and no table's
 * statistics are ever refreshed. This does autovacuum's work on the embedded engine, by autovacuum's rule: the
 * tables past its thresholds, each vacuumed (and analysed) or analysed alone. A PostgreSQL server needs it only where
 * autovacuum is turned off (`autovacuumRuns`).
 */
export async function vacuumWhereDue(db: Db): Promise<TableMaintenance[]> {
  // The backend reports its row counts to the statistics at most once a second when idle; this one reports them now.
  await db.execute(sql`select pg_stat_force_next_flush()`)
  const due = rowsOf<{ table: string; vacuum: boolean; analyze: boolean }>(
    await db.execute(sql`
      select relname as table,
        n_dead_tup > ${VACUUM.threshold}::float8 + ${VACUUM.scaleFactor}::float8 * n_live_tup as vacuum,
        n_mod_since_analyze > ${ANALYZE.threshold}::float8 + ${ANALYZE.scaleFactor}::float8 * n_live_tup as analyze
      from pg_stat_user_tables
      where schemaname = 'public'
      order by relname`),
  ).filter((t) => t.vacuum || t.analyze)
  for (const { table, vacuum } of due) {
    // VACUUM cannot take its table as a parameter; the name comes from the catalogue, quoted as an identifier.
    await db.execute(sql.raw(`${vacuum ? 'vacuum (analyze)' : 'analyze'} "${table.replaceAll('"', '""')}"`))
  }
  return due.map(({ table, vacuum }) => ({ table, vacuumed: vacuum, analyzed: true }))
}

/**
 * Whether the PostgreSQL server vacuums and analyses by itself. Where it does not (`autovacuum = off`, as on the CI
 * machine's server), the inbox's statistics stay those of its first minutes: measured with 10 000 messages waiting
 * and none analysed, an inbox lease took 160 ms instead of 3.4 ms (a bitmap scan and a sort of every waiting row
 * instead of a walk of the arrival-order index that stops at the batch).
 */
export async function autovacuumRuns(db: Db): Promise<boolean> {
  return rowsOf<{ on: boolean }>(await db.execute(sql`select current_setting('autovacuum') = 'on' as on`))[0]!.on
}
