import { Hono } from 'hono'
import { sql } from 'drizzle-orm'
import { queueBacklog } from '../../../db/repositories/queues'
import { migrationLevel } from '../../../db/migration-level'
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
    const queues = migrations.upToDate ? await queueBacklog(database.db, clock.now()) : undefined
    return c.json({ ok, version, db: { reachable: true, driver: database.driver }, migrations, ...(queues ? { queues } : {}), feishu }, ok ? 200 : 503)
  } catch {
    return c.json({ ok: false, version, db: { reachable: false, driver: database.driver }, feishu }, 503)
  }
})
