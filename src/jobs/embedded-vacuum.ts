import type { Db } from '../../db/client'
import { safeErrorText } from '../../db/database'
import { autovacuumRuns, vacuumWhereDue } from '../../db/embedded-vacuum'

/** autovacuum's naptime: how often PostgreSQL looks for tables to vacuum. */
export const EMBEDDED_VACUUM_MS = 60_000

/**
 * On a PostgreSQL server without autovacuum, how often the tables are looked at: a morning burst turns the inbox over
 * by thousands of rows a minute, and its statistics decide how a lease is planned.
 */
export const SERVER_VACUUM_MS = 15_000

/** The embedded engine's autovacuum (db/embedded-vacuum.ts): once a minute, the tables past its thresholds. */
export function startEmbeddedVacuum(db: Db, intervalMs = EMBEDDED_VACUUM_MS) {
  return startVacuum(db, intervalMs, async () => true)
}

/**
 * A PostgreSQL server's tables, vacuumed and analysed here only while the server's autovacuum is off (asked until
 * the server answers; said once in the log).
 */
export function startVacuumWhereAutovacuumIsOff(db: Db, intervalMs = SERVER_VACUUM_MS) {
  let ours: boolean | null = null
  return startVacuum(db, intervalMs, async () => {
    if (ours === null) {
      ours = !(await autovacuumRuns(db))
      if (ours) console.warn(JSON.stringify({ level: 'warn', job: 'vacuum', message: 'autovacuum is off on this PostgreSQL server: duikou vacuums and analyses its tables itself' }))
    }
    return ours
  })
}

function startVacuum(db: Db, intervalMs: number, due: () => Promise<boolean>) {
  let running: Promise<void> | null = null
  const run = () => {
    running ??= (async () => {
      const started = performance.now()
      try {
        if (!(await due())) return
        const done = await vacuumWhereDue(db)
        if (done.length) {
          const tables = done.map((t) => `${t.table}${t.vacuumed ? '' : ' (analyze)'}`)
          console.log(JSON.stringify({ level: 'info', job: 'vacuum', tables, ms: Math.round(performance.now() - started) }))
        }
      } catch (error) {
        console.error(JSON.stringify({ level: 'error', job: 'vacuum', message: safeErrorText(error) }))
      }
    })().finally(() => (running = null))
    return running
  }
  const timer = setInterval(run, intervalMs)
  timer.unref()
  return {
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
