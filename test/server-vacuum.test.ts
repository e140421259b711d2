import { sql } from 'drizzle-orm'
import { describe, expect, inject, test } from 'vitest'
import { rowsOf } from '../db/database'
import { autovacuumRuns } from '../db/embedded-vacuum'
import { leaseInbound, markHandled, storeInbound } from '../db/repositories/inbox'
import { startVacuumWhereAutovacuumIsOff } from '../src/jobs/embedded-vacuum'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

const deadInboxRows = async () =>
  Number(rowsOf<{ n: number }>(await t.database.db.execute(sql`select n_dead_tup::int as n from pg_stat_user_tables where relname = 'inbox'`))[0]!.n)

describe.skipIf(inject('testDatabase').driver !== 'postgres')('on a PostgreSQL server', () => {
  test('the server vacuums the handled inbox itself exactly when the PostgreSQL server has autovacuum turned off', { timeout: 40_000 }, async () => {
    const db = t.database.db
    await db.execute(sql`insert into tenants (id, name) values ('vacs', '真空市') on conflict do nothing`)
    const now = new Date('2026-12-01T00:30:00Z')
    const rows = Array.from({ length: 400 }, (_, i) => ({ tenantId: 'vacs', platform: 'feishu' as const, eventId: `message:om_vacs_${i}`, sender: `vacs:ou_${i}`, message: { text: '签到' }, receivedAt: now }))
    await storeInbound(db, rows)
    await markHandled(db, (await leaseInbound(db, now, 400, 15_000)).map((r) => r.id), now)
    // Each connection reports its row counts within seconds of going idle.
    for (let waited = 0; (await deadInboxRows()) < 800 && waited < 15_000; waited += 200) await new Promise((r) => setTimeout(r, 200))
    expect(await deadInboxRows()).toBeGreaterThanOrEqual(800)
    const ours = !(await autovacuumRuns(db))

    const vacuum = startVacuumWhereAutovacuumIsOff(db, 100)
    for (let waited = 0; (await deadInboxRows()) > 0 && waited < 3_000; waited += 100) await new Promise((r) => setTimeout(r, 100))
    await vacuum.stop()

    // Where the server's own autovacuum runs, its launcher decides when (a minute's naptime), so nothing is asserted
    // there; the CI machine's server runs with autovacuum off.
    if (ours) expect(await deadInboxRows()).toBe(0)
  })
})
