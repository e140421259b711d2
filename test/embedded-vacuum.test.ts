import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Database, openDatabase } from '../db/client'
import { rowsOf } from '../db/database'
import { vacuumWhereDue } from '../db/embedded-vacuum'
import { migrate } from '../db/migrate'
import { leaseInbound, markHandled, storeInbound } from '../db/repositories/inbox'

// The embedded engine itself, whichever database the suite runs on: only PGlite lacks autovacuum.
let database: Database
beforeAll(async () => {
  database = await openDatabase({ driver: 'pglite', dataDir: null })
  await migrate(database)
  await database.db.execute(sql`insert into tenants (id, name) values ('vac', '真空县')`)
})
afterAll(() => database.close())

const deadRows = async (table: string) => {
  await database.db.execute(sql`select pg_stat_force_next_flush()`)
  return Number(rowsOf<{ n: number }>(await database.db.execute(sql`select n_dead_tup::int as n from pg_stat_user_tables where relname = ${table}`))[0]!.n)
}

describe('on the embedded database, what autovacuum would clean is cleaned', () => {
  test('the dead rows a morning of leased and handled messages leaves in the inbox are vacuumed; a table barely touched is left alone', async () => {
    const now = new Date('2026-12-01T00:30:00Z')
    const rows = Array.from({ length: 400 }, (_, i) => ({ tenantId: 'vac', platform: 'feishu' as const, eventId: `message:om_vac_${i}`, sender: `vac:ou_${i}`, message: { text: '签到' }, receivedAt: now }))
    await storeInbound(database.db, rows)
    const leased = await leaseInbound(database.db, now, 400, 15_000)
    await markHandled(database.db, leased.map((r) => r.id), now)
    expect(await deadRows('inbox')).toBeGreaterThanOrEqual(800)

    const done = await vacuumWhereDue(database.db)

    expect(done).toContainEqual({ table: 'inbox', vacuumed: true, analyzed: true })
    expect(done.map((t) => t.table)).not.toContain('tenants')
    expect(await deadRows('inbox')).toBe(0)
    // Nothing due any more: a second look vacuums nothing.
    expect(await vacuumWhereDue(database.db)).toEqual([])
  })
})
