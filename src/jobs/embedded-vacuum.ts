import type { Db } from '../../db/client'
import { safeErrorText } from '../../db/database'
import { vacuumWhereDue } from '../../db/embedded-vacuum'

/** autovacuum's naptime: how often PostgreSQL looks for tables to vacuum. */
export const EMBEDDED_VACUUM_MS = 60_000

/** The embedded engine's autovacuum (db/embedded-vacuum.ts): once a minute, the tables past its thresholds. */
export function startEmbeddedVacuum(db: Db, intervalMs = EMBEDDED_VACUUM_MS) {
  let running: Promise<void> | null = null
  const run = () => {
    running ??= (async () => {
      const started = performance.now()
      try {
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
