import { Hono } from 'hono'
import { sql } from 'drizzle-orm'
import { queueBacklog } from '../../../db/repositories/queues'
import { migrationLevel } from '../../../db/migration-level'
import { lastEnteredDay } from '../../../db/repositories/calendar'
import { lastLibraryYear } from '../../time/calendar'
import { shanghaiDate } from '../../time/shanghai'
import type { AppEnv } from '../deps'

/**
 * GET /healthz: is the database reachable, which migration level it is at, which version runs, and what the inbox and
 * outbox hold undone, and how Feishu events arrive. A backlog is reported, not failed on: a burst is not an outage.
 */
export const healthz = new Hono<AppEnv>().get('/healthz', async (c) => {
  const { database, version, clock, feishuConnection } = c.get('deps')
  // A long connection that is down for a while is an outage (no event reaches this process); a short gap is not.
  const { down, ...feishu } = feishuConnection?.() ?? { connection: 'webhook' as const, since: c.get('services').startedAt.toISOString(), down: false }
  try {
    await database.db.execute(sql`select 1`)
    const migrations = await migrationLevel(database.db)
    const ok = migrations.upToDate && !down
    // Side by side: while uploads or a burst hold the pool's connections, each query here waits for one.
    const [queues, calendar] = migrations.upToDate
      ? await Promise.all([queueBacklog(database.db, clock.now()), knownThrough(database.db, Number(shanghaiDate(clock.now()).slice(0, 4))).then((day) => ({ knownThrough: day }))])
      : [undefined, undefined]
    return c.json({ ok, version, db: { reachable: true, driver: database.driver }, migrations, ...(queues ? { queues } : {}), ...(calendar ? { calendar } : {}), feishu }, ok ? 200 : 503)
  } catch {
    return c.json({ ok: false, version, db: { reachable: false, driver: database.driver }, feishu }, 503)
  }
})

/** The last day the holiday library or any entered notice covers (a notice covers its whole year). */
async function knownThrough(db: Parameters<typeof lastEnteredDay>[0], thisYear: number): Promise<string> {
  const entered = await lastEnteredDay(db)
  const library = `${lastLibraryYear(thisYear)}-12-31`
  const fromNotice = entered ? `${entered.slice(0, 4)}-12-31` : null
  return fromNotice && fromNotice > library ? fromNotice : library
}
