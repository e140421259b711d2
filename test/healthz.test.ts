import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { storeInbound } from '../db/repositories/inbox'
import { enqueue, GAVE_UP_AT } from '../db/repositories/outbox'
import { outbox } from '../db/schema'
import { DEMO_TENANT, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()
beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-20T00:00:00Z'))
})

describe('GET /healthz', () => {
  test('reports the database reachable, the migration level and the version', async () => {
    const { app } = testApp(t.database)
    const response = await app.request('/healthz')
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, any>
    expect(body.ok).toBe(true)
    expect(body.version).toBe('test')
    expect(body.db).toEqual({ reachable: true, driver: t.database.driver })
    expect(body.migrations.upToDate).toBe(true)
    expect(body.migrations.applied).toBeGreaterThan(0)
    expect(body.migrations.latest).toMatch(/^\d{4}_/)
    expect(body.feishu).toEqual({ connection: 'webhook', since: expect.any(String) })
  })

  test('reports what the inbox and outbox hold undone: waiting (and for how long) and parked; console notices are not a backlog', async () => {
    const now = new Date('2026-11-23T02:00:00Z')
    const queues = async () => ((await (await testApp(t.database, { now: now.toISOString() }).app.request('/healthz')).json()) as { queues: unknown }).queues
    expect(await queues()).toEqual({ inbox: { waiting: 0, oldestWaitingSeconds: null, parked: 0 }, outbox: { waiting: 0, oldestWaitingSeconds: null, parked: 0 } })

    const message = (n: number) => ({ platform: 'console' as const, tenantId: DEMO_TENANT, eventId: `healthz-${n}`, senderExternalId: 'zhangwei', text: '帮助' })
    await storeInbound(t.database.db, [
      { tenantId: 'demo', platform: 'console', eventId: 'healthz-1', sender: 'demo:zhangwei', message: message(1), receivedAt: new Date(now.getTime() - 90_000) },
      { tenantId: 'demo', platform: 'console', eventId: 'healthz-2', sender: 'demo:zhangwei', message: message(2), receivedAt: new Date(now.getTime() - 30_000) },
    ])
    const reply = { reply: { tone: 'info', text: 'x' } }
    await enqueue(t.database.db, { tenantId: DEMO_TENANT, platform: 'feishu', recipient: 'chat_id:oc_1', message: reply, idempotencyKey: 'healthz-out-1' }, new Date(now.getTime() - 5_000))
    await enqueue(t.database.db, { tenantId: DEMO_TENANT, platform: 'feishu', recipient: 'chat_id:oc_2', message: reply, idempotencyKey: 'healthz-out-2' }, new Date(now.getTime() - 600_000))
    await t.database.db.update(outbox).set({ nextAttemptAt: GAVE_UP_AT, lastError: 'refused' }).where(eq(outbox.idempotencyKey, 'healthz-out-2'))
    await enqueue(t.database.db, { tenantId: DEMO_TENANT, platform: 'console', recipient: 'zhangwei', message: reply, idempotencyKey: 'healthz-out-3' }, new Date(now.getTime() - 900_000))
    expect(await queues()).toEqual({ inbox: { waiting: 2, oldestWaitingSeconds: 90, parked: 0 }, outbox: { waiting: 1, oldestWaitingSeconds: 5, parked: 1 } })
  })

  test('answers 503 when the database is gone', async () => {
    const { openDatabase } = await import('../db/client')
    const other = await openDatabase({ driver: 'pglite', dataDir: null })
    const { app } = testApp(other)
    await other.close()
    const response = await app.request('/healthz')
    expect(response.status).toBe(503)
    expect(((await response.json()) as { db: { reachable: boolean } }).db.reachable).toBe(false)
  })

  test('unknown routes get a JSON 404', async () => {
    const { app } = testApp(t.database)
    const response = await app.request('/nope')
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })
})
