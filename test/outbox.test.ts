import { count, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { enqueue, leaseDue } from '../db/repositories/outbox'
import { outbox } from '../db/schema'
import { createApp } from '../src/app/create-app'
import { parseConfig } from '../src/config'
import { demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { deliverDue, OUTBOX_LEASE_MS, startOutboxWorker } from '../src/jobs/deliver-outbox'
import { handleInbox, startInboxWorker } from '../src/jobs/handle-inbox'
import { feishuSender } from '../src/platforms/feishu/client'
import { sendersFor } from '../src/platforms/senders'
import { handleAndDeliver } from './support/app'
import { useTestDatabase } from './support/database'
import { FEISHU_ENV, feishuRequest, messageEvent, startFakeFeishu } from './support/feishu'

const t = useTestDatabase()
let feishu: Awaited<ReturnType<typeof startFakeFeishu>>

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  feishu = await startFakeFeishu()
})
afterAll(() => feishu.close())

function wired(now: string) {
  const clock = fixedClock(now)
  const config = parseConfig({ ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url })
  const outboxDeps = { db: t.database.db, clock, senders: sendersFor(config) }
  return { clock, config, outboxDeps }
}

async function unsent() {
  const [row] = await t.database.db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt))
  return row!.n
}

describe('Feishu pacing: at most 5 messages a second into one chat, in order, none dropped', () => {
  test('eight replies to one chat go out five now and three a second later, in the order they were written', async () => {
    const { clock, config } = wired('2026-11-26T00:05:00Z')
    const app = createApp({ database: t.database, clock, config, version: 'test', outbox: { kick: () => {} }, inbox: { kick: () => {} } })
    const sender = feishuSender({ appId: FEISHU_ENV.FEISHU_APP_ID, appSecret: FEISHU_ENV.FEISHU_APP_SECRET, baseUrl: feishu.url }, fetch, () => clock.now().getTime())
    const deps = { db: t.database.db, clock, senders: { feishu: sender } }
    const openId = demoFeishuOpenId('liuyang')
    for (let i = 1; i <= 8; i++) {
      await app.request('/webhooks/feishu/events', feishuRequest(messageEvent({ openId, text: `第${i}条` }), { now: clock.now() }))
      clock.advance(1)
    }
    expect(await handleAndDeliver(deps)).toEqual({ sent: 5, failed: 1 })
    clock.advance(1_000)
    expect(await handleAndDeliver(deps)).toEqual({ sent: 3, failed: 0 })
    const texts = feishu.delivered.filter((m) => m.receiveId === `oc_p2p_${openId}`).map((m) => m.content.text ?? m.content.body.elements[0].content)
    expect(texts.map((x: string) => /第(\d)条/.exec(x)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
  })
})

describe('the outbox survives a crash and a slow platform', () => {
  test('a sender that dies after leasing: once the lease runs out the message goes out, exactly once', async () => {
    const { clock, config, outboxDeps } = wired('2026-11-24T00:05:00Z')
    const app = createApp({ database: t.database, clock, config, version: 'test', outbox: { kick: () => {} }, inbox: { kick: () => {} } })
    await app.request('/webhooks/feishu/events', feishuRequest(messageEvent({ openId: demoFeishuOpenId('zhangwei'), text: '签到' }), { now: clock.now() }))
    await handleInbox(outboxDeps)
    const before = feishu.calls()
    expect(await leaseDue(t.database.db, clock.now(), 20, OUTBOX_LEASE_MS)).toHaveLength(1)
    // …and the process is gone before sending. A new sender finds nothing due while the lease holds:
    expect(await deliverDue(outboxDeps)).toEqual({ sent: 0, failed: 0 })
    clock.advance(OUTBOX_LEASE_MS + 1)
    expect(await deliverDue(outboxDeps)).toEqual({ sent: 1, failed: 0 })
    expect(feishu.calls() - before).toBe(1)
    expect(await unsent()).toBe(0)
  })

  test('the webhook answers before the slow platform has received the reply; the worker delivers it afterwards', async () => {
    const { clock, config, outboxDeps } = wired('2026-11-25T00:05:00Z')
    const worker = startOutboxWorker(outboxDeps, 60_000)
    const inbox = startInboxWorker(outboxDeps, worker.kick, { intervalMs: 60_000 })
    const app = createApp({ database: t.database, clock, config, version: 'test', outbox: worker, inbox })
    feishu.slowDown(400)
    const calls = feishu.receivedAt.length
    const response = await app.request('/webhooks/feishu/events', feishuRequest(messageEvent({ openId: demoFeishuOpenId('wangfang'), text: '签到' }), { now: clock.now() }))
    const answeredAt = performance.now()
    expect(response.status).toBe(200)
    await inbox.idle()
    inbox.stop()
    await worker.idle()
    worker.stop()
    feishu.slowDown(0)
    expect(feishu.receivedAt.length).toBe(calls + 1)
    // Feishu got its 200 before the platform had even answered the send.
    expect(answeredAt).toBeLessThan(feishu.answeredAt.at(-1)!)
    expect(await unsent()).toBe(0)
  })
})

describe('a chat reads its messages in the order they were written, across retries', () => {
  test('a message waiting for its retry holds back a later one to the same chat, which the next batch would otherwise send first', async () => {
    const { clock, outboxDeps } = wired('2026-11-27T00:05:00Z')
    const recipient = 'chat_id:oc_order_check'
    const write = async (n: number) => {
      const reply = { tone: 'info', text: `第${n}条` }
      await enqueue(t.database.db, { tenantId: 'demo', platform: 'feishu', recipient, message: { reply }, idempotencyKey: `order-check-${n}` }, clock.now())
      clock.advance(1)
    }
    await write(1)
    feishu.failNext({ status: 500, code: 1 })
    expect(await deliverDue(outboxDeps)).toEqual({ sent: 0, failed: 1 })
    await write(2)
    // The first waits out its backoff (1 s); the second, written later, waits with it rather than overtaking it.
    expect(await deliverDue(outboxDeps)).toEqual({ sent: 0, failed: 0 })
    clock.advance(1_000)
    expect(await deliverDue(outboxDeps)).toEqual({ sent: 2, failed: 0 })
    expect(feishu.delivered.filter((m) => m.receiveId === 'oc_order_check').map((m) => m.content.text)).toEqual(['第1条', '第2条'])
  })

  test('a message given up on holds nothing back', async () => {
    const { clock, outboxDeps } = wired('2026-11-28T00:05:00Z')
    const recipient = 'chat_id:oc_order_given_up'
    const write = async (n: number) => {
      const reply = { tone: 'info', text: `第${n}条` }
      await enqueue(t.database.db, { tenantId: 'demo', platform: 'feishu', recipient, message: { reply }, idempotencyKey: `order-given-up-${n}` }, clock.now())
      clock.advance(1)
    }
    await write(1)
    // 400 with an ordinary error code is not worth retrying: the row is parked for an operator.
    feishu.failNext({ status: 400, code: 230001 })
    expect(await deliverDue(outboxDeps)).toEqual({ sent: 0, failed: 1 })
    await write(2)
    expect(await deliverDue(outboxDeps)).toEqual({ sent: 1, failed: 0 })
    expect(feishu.delivered.filter((m) => m.receiveId === 'oc_order_given_up').map((m) => m.content.text)).toEqual(['第2条'])
  })
})

describe('after a backlog, a reply written just now goes first, and a chat still reads its messages in order', () => {
  test('one doctor writing after a burst is answered in the next batch, not after the burst’s replies', async () => {
    const now = new Date('2026-12-21T01:00:00Z')
    const minuteAgo = new Date(now.getTime() - 60_000)
    const reply = (recipient: string, key: string) => ({ tenantId: 'demo', platform: 'feishu' as const, recipient, message: { text: key }, idempotencyKey: `backlog-test:${key}` })
    for (let i = 0; i < 30; i++) await enqueue(t.database.db, reply(`chat_id:burst_${i}`, `burst ${i}`), minuteAgo)
    await enqueue(t.database.db, reply('chat_id:late_doctor', 'late doctor'), new Date(now.getTime() - 500))
    // This chat still has a burst reply unsent: its new one must wait for it.
    await enqueue(t.database.db, reply('chat_id:burst_25', 'burst 25 again'), new Date(now.getTime() - 400))

    const first = await leaseDue(t.database.db, now, 20, OUTBOX_LEASE_MS)
    const keys = (rows: typeof first) => rows.map((r) => r.idempotencyKey.replace('backlog-test:', ''))
    expect(keys(first)).toContain('late doctor')
    expect(keys(first)).not.toContain('burst 25 again')
    expect(first).toHaveLength(20)

    const leased = [...first]
    for (let round = 0; round < 5; round++) leased.push(...(await leaseDue(t.database.db, now, 20, OUTBOX_LEASE_MS)))
    const ours = keys(leased.filter((r) => r.idempotencyKey.startsWith('backlog-test:')))
    expect(ours).toHaveLength(32)
    expect(ours.indexOf('burst 25')).toBeLessThan(ours.indexOf('burst 25 again'))
  })
})
