import { Hono } from 'hono'
import { sql } from 'drizzle-orm'
import { migrationLevel } from '../../../db/migration-level'
import type { AppEnv } from '../deps'

/** GET /healthz: is the database reachable, which migration level it is at, and which version runs. */
export const healthz = new Hono<AppEnv>().get('/healthz', async (c) => {
  const { database, version } = c.get('deps')
  try {
    await database.db.execute(sql`select 1`)
    const migrations = await migrationLevel(database.db)
    const ok = migrations.upToDate
    return c.json({ ok, version, db: { reachable: true, driver: database.driver }, migrations }, ok ? 200 : 503)
  } catch {
    return c.json({ ok: false, version, db: { reachable: false, driver: database.driver } }, 503)
  }
})
