import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { type RunningServer, startServer } from '../bench/support/server'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { useTestDatabase } from './support/database'
import { messageEvent } from './support/feishu'
import { FEISHU_WS_ENV, startFakeFeishuLongConnection } from './support/feishu-long-connection'

// Two server processes share one database, which PGlite (one process only) cannot: on PostgreSQL only, i.e. when the
// suite runs with DATABASE_URL=postgres://… (CI does).
const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') ?? false
const t = useTestDatabase()

describe.runIf(onPostgres)('two server processes on one Feishu long connection app', () => {
  let feishu: Awaited<ReturnType<typeof startFakeFeishuLongConnection>>
  const servers: RunningServer[] = []

  beforeAll(async () => {
    await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
    feishu = await startFakeFeishuLongConnection({ pingIntervalSeconds: 5 })
    const env = { ...FEISHU_WS_ENV, DATABASE_URL: t.url!, FEISHU_BASE_URL: feishu.url }
    servers.push(...(await Promise.all([startServer('src/server.ts', env), startServer('src/server.ts', env)])))
    await vi.waitFor(() => expect(feishu.openConnections()).toBe(2), { timeout: 30_000 })
  }, 60_000)
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
    await feishu?.close()
  })

  test('200 events spread over both → 200 replies, none twice', async () => {
    const events = Array.from({ length: 200 }, (_, i) => messageEvent({ openId: `ou_load_${i}`, text: '帮助' }))
    for (let i = 0; i < events.length; i += 20) await Promise.all(events.slice(i, i + 20).map((e) => feishu.push(e)))
    // Each event went to one of the two connections at random: both took some.
    expect(feishu.acksPerConnection().filter((n) => n > 0).length).toBeGreaterThanOrEqual(2)
    // (The servers' job ticker also sends the seeded demo people their notices; only the load chats count here.)
    const replies = () => feishu.delivered.filter((m) => m.receiveId.startsWith('oc_p2p_ou_load_'))
    await vi.waitFor(() => expect(replies().length).toBe(200), { timeout: 60_000, interval: 200 })
    expect(new Set(replies().map((m) => m.receiveId)).size).toBe(200)
    expect(feishu.repeated).toEqual([])
    for (const server of servers) expect(server.exited()).toBe(false)
    const health = (await (await fetch(`${servers[0]!.url}/healthz`)).json()) as { feishu: { connection: string } }
    expect(health.feishu.connection).toBe('connected')
  }, 120_000)
})
