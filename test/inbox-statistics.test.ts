import { like, sql } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { rowsOf } from '../db/database'
import { ANALYZE_INBOX_AFTER, inboxWriter } from '../db/repositories/inbox'
import { inbox } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { handleInbox } from '../src/jobs/handle-inbox'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
})

test('on a server, a burst the statistics have not seen is analysed before the next lease is planned, once', async () => {
  const analyses = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select analyze_count::int as n from pg_stat_user_tables where relname = 'inbox'`))[0]!.n
  const now = new Date('2030-01-01T00:08:40Z')
  const writes = inboxWriter(t.database.db)
  const burst = Array.from({ length: ANALYZE_INBOX_AFTER }, (_, k) => ({ tenantId: 'demo', platform: 'console' as const, eventId: `stats-${k}`, sender: `demo:stats-${k}`, message: { k }, receivedAt: now }))
  // As the webhooks store them: many at once, through the process's one writer.
  for (let from = 0; from < burst.length; from += 500) await Promise.all(burst.slice(from, from + 500).map((row) => writes(row)))
  await t.database.db.update(inbox).set({ handledAt: now }).where(like(inbox.eventId, 'stats-%'))
  const before = await analyses()
  await handleInbox({ db: t.database.db, clock: fixedClock(now) }, 'server')
  expect(await analyses()).toBe(before + 1)
  await handleInbox({ db: t.database.db, clock: fixedClock(now) }, 'server')
  expect(await analyses()).toBe(before + 1)
})
