import { eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { inbox } from '../db/schema'
import { runQueues } from '../src/cli/queues'
import { demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { sendersFor } from '../src/platforms/senders'
import { handleAndDeliver, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { FEISHU_ENV, feishuRequest, messageEvent, shownText, startFakeFeishu } from './support/feishu'

const t = useTestDatabase()
const NOW = '2026-11-24T00:05:00Z'
let feishu: Awaited<ReturnType<typeof startFakeFeishu>>

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  feishu = await startFakeFeishu()
})
afterAll(() => feishu.close())

const app = () => testApp(t.database, { now: NOW, env: { ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url } })

describe('a signed Feishu event is never dropped for its shape', () => {
  test('null where an optional field may be absent (union_id, user_id, mentions, sender_type, tenant_key) is read as absent: the 签到 is recorded', async () => {
    const { app: server, clock, config } = app()
    const openId = demoFeishuOpenId('zhangwei')
    const event = messageEvent({ openId, text: '签到' }) as any
    event.event.sender = { sender_id: { open_id: openId, union_id: null, user_id: null }, sender_type: null, tenant_key: null }
    event.event.message.mentions = null
    event.event.message.root_id = null
    event.event.something_new = { nested: null }
    const response = await server.request('/webhooks/feishu/events', feishuRequest(event, { now: clock.now() }))
    expect(response.status).toBe(200)
    await handleAndDeliver({ db: t.database.db, clock, senders: sendersFor(config) })
    expect(feishu.delivered.filter((m) => m.receiveId === `oc_p2p_${openId}`).map(shownText)).toContain('签到成功：2026-11-24 08:05，示范县人民医院。')
  })

  test('a verified event that still cannot be read is answered 200, stored and parked with its reason, and listed by `queues`', async () => {
    const { app: server, clock } = app()
    const event = messageEvent({ openId: demoFeishuOpenId('wangfang'), text: '签到', eventId: 'unreadable-event-1' }) as any
    event.event.message.content = 42
    delete event.event.message.chat_id
    const response = await server.request('/webhooks/feishu/events', feishuRequest(event, { now: clock.now() }))
    expect(response.status).toBe(200)
    const [parked] = await t.database.db.select().from(inbox).where(eq(inbox.eventId, 'event:unreadable-event-1'))
    expect(parked).toMatchObject({ tenantId: 'demo', platform: 'feishu', sender: `demo:${demoFeishuOpenId('wangfang')}`, handledAt: null })
    expect(parked!.nextAttemptAt.getUTCFullYear()).toBe(9999)
    expect(parked!.lastError).toBe('im.message.receive_v1 not understood: message.chat_id (invalid_type), message.content (invalid_type)')
    // The verification token is a secret: it is not kept with the event.
    expect(JSON.stringify(parked!.message)).not.toContain(FEISHU_ENV.FEISHU_VERIFICATION_TOKEN)
    const { output } = await runQueues(t.database.db, clock.now(), [])
    expect(output).toContain(`${parked!.id}  feishu  demo:${demoFeishuOpenId('wangfang')}  0 attempts`)
    expect(output).toContain('im.message.receive_v1 not understood')
    // Feishu redelivering it adds nothing.
    await server.request('/webhooks/feishu/events', feishuRequest(event, { now: clock.now() }))
    expect(await t.database.db.select().from(inbox).where(like(inbox.eventId, 'event:unreadable-event-1'))).toHaveLength(1)
  })
})
