import { asc, eq, isNull, like, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { coalesce } from '../db/coalesce'
import { leaseInbound, markHandled, storeInbound } from '../db/repositories/inbox'
import { attendanceEvents, inbox, outbox } from '../db/schema'
import { demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import type { InboundMessage } from '../src/domain/inbound'
import { handleInbox, INBOX_MAX_ATTEMPTS } from '../src/jobs/handle-inbox'
import { sendersFor } from '../src/platforms/senders'
import { handleAndDeliver, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { FEISHU_ENV, feishuRequest, messageEvent, shownText, startFakeFeishu } from './support/feishu'

const t = useTestDatabase()
let feishu: Awaited<ReturnType<typeof startFakeFeishu>>

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  feishu = await startFakeFeishu()
})
afterAll(() => feishu.close())

describe('a Feishu message is stored before the 200 and handled afterwards', () => {
  test('签到 at 08:05 handled at 08:20 is recorded, and answered, as 08:05', async () => {
    const { app, clock, config } = testApp(t.database, { now: '2026-11-24T00:05:00Z', env: { ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url } })
    const openId = demoFeishuOpenId('zhangwei')
    const event = messageEvent({ openId, text: '签到' })
    expect((await app.request('/webhooks/feishu/events', feishuRequest(event, { now: clock.now() }))).status).toBe(200)
    const eventId = `message:${event.event.message.message_id}`
    const [stored] = await t.database.db.select().from(inbox).where(eq(inbox.eventId, eventId))
    expect(stored).toMatchObject({ platform: 'feishu', handledAt: null })
    expect(await t.database.db.select().from(attendanceEvents).where(eq(attendanceEvents.platformEventId, eventId))).toEqual([])

    clock.advance(15 * 60_000)
    await handleAndDeliver({ db: t.database.db, clock, senders: sendersFor(config) })
    const [recorded] = await t.database.db.select().from(attendanceEvents).where(eq(attendanceEvents.platformEventId, eventId))
    expect(recorded!.occurredAt.toISOString()).toBe('2026-11-24T00:05:00.000Z')
    expect(feishu.delivered.filter((m) => m.receiveId === `oc_p2p_${openId}`).map(shownText)).toContain('签到成功：2026-11-24 08:05，示范县人民医院。')
    const [handled] = await t.database.db.select().from(inbox).where(eq(inbox.eventId, eventId))
    expect(handled!.handledAt?.toISOString()).toBe('2026-11-24T00:20:00.000Z')
  })
})

describe('a message that cannot be handled', () => {
  const message = (sender: string, n: number): InboundMessage => ({
    platform: 'console',
    tenantId: 'demo',
    eventId: `inbox-poison-${sender}-${n}`,
    senderExternalId: sender,
    text: '帮助',
    replyTo: sender,
  })

  test('one that fails for what it says is parked at once with a safe reason, its sender told, and their next message handled in the same pass', async () => {
    const clock = fixedClock('2026-11-25T00:00:00Z')
    const deps = { db: t.database.db, clock }
    // Written by an older version, say: a shape this one cannot read. Trying it again would fail the same way.
    const poison = { ...message('zhangwei', 1), text: { unexpected: true } }
    await storeInbound(t.database.db, [
      { tenantId: 'demo', platform: 'console', eventId: poison.eventId, sender: 'demo:zhangwei', message: poison, receivedAt: clock.now() },
      { tenantId: 'demo', platform: 'console', eventId: 'inbox-poison-zhangwei-2', sender: 'demo:zhangwei', message: message('zhangwei', 2), receivedAt: clock.now() },
      { tenantId: 'demo', platform: 'console', eventId: 'inbox-poison-wangfang-1', sender: 'demo:wangfang', message: message('wangfang', 1), receivedAt: clock.now() },
    ])
    expect(await handleInbox(deps)).toMatchObject({ leased: 3, handled: 2, failed: 1 })
    const rows = async () => t.database.db.select().from(inbox).where(eq(inbox.platform, 'console')).orderBy(asc(inbox.seq))
    const [parked, next, other] = await rows()
    expect(parked).toMatchObject({ handledAt: null, attempts: 1 })
    expect(parked!.nextAttemptAt.getUTCFullYear()).toBe(9999)
    expect(parked!.lastError).toMatch(/^not retried: TypeError/)
    expect(next!.handledAt).not.toBeNull()
    expect(other!.handledAt).not.toBeNull()
    expect(await handleInbox(deps)).toMatchObject({ leased: 0 })
    // The sender is told that it did nothing, once, in the console inbox.
    const told = await t.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, 'unhandled:console:inbox-poison-zhangwei-1'))
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ platform: 'console', recipient: 'zhangwei' })
    expect((told[0]!.message as { reply: { text: string } }).reply.text).toBe('抱歉，您 2026-11-25 08:00 发送的消息无法处理，未能执行。请检查内容后重新发送；如仍不成功，请联系医务科或系统管理员。')
  })

  test('one the database cannot take for now waits with backoff, holds back its sender’s later messages but no one else’s, and is parked after the last attempt', async () => {
    const clock = fixedClock('2026-11-25T02:00:00Z')
    const deps = { db: t.database.db, clock }
    // 53100 disk_full: the database, not the message, is the trouble; it may pass.
    await t.database.db.execute(sql`create function refuse_help() returns trigger language plpgsql as $$ begin if new.event_id = 'inbox-full-zhangwei-1' then raise exception 'simulated: disk full' using errcode = '53100'; end if; return new; end $$`)
    await t.database.db.execute(sql`create trigger refuse_help before insert on processed_events for each row execute function refuse_help()`)
    const full = (sender: string, n: number) => ({ ...message(sender, n), eventId: `inbox-full-${sender}-${n}` })
    try {
      await storeInbound(t.database.db, [
        { tenantId: 'demo', platform: 'console', eventId: 'inbox-full-zhangwei-1', sender: 'demo:zhangwei', message: full('zhangwei', 1), receivedAt: clock.now() },
        { tenantId: 'demo', platform: 'console', eventId: 'inbox-full-zhangwei-2', sender: 'demo:zhangwei', message: full('zhangwei', 2), receivedAt: clock.now() },
        { tenantId: 'demo', platform: 'console', eventId: 'inbox-full-wangfang-1', sender: 'demo:wangfang', message: full('wangfang', 1), receivedAt: clock.now() },
      ])
      expect(await handleInbox(deps)).toMatchObject({ leased: 3, handled: 1, failed: 1 })
      const rows = async () => t.database.db.select().from(inbox).where(like(inbox.eventId, 'inbox-full-%')).orderBy(asc(inbox.seq))
      expect((await rows()).map((r) => [r.eventId, r.handledAt !== null])).toEqual([
        ['inbox-full-zhangwei-1', false],
        ['inbox-full-zhangwei-2', false],
        ['inbox-full-wangfang-1', true],
      ])
      expect((await rows())[0]!.lastError).toBe('database error 53100 (in insert processed_events)')
      for (let attempt = 2; attempt < INBOX_MAX_ATTEMPTS; attempt++) {
        clock.advance(11 * 60_000)
        expect(await handleInbox(deps)).toMatchObject({ leased: 2, handled: 0, failed: 1 })
      }
      clock.advance(11 * 60_000)
      expect(await handleInbox(deps)).toMatchObject({ leased: 2, handled: 1, failed: 1 })
      const [parked, next] = await rows()
      expect(parked).toMatchObject({ handledAt: null, attempts: INBOX_MAX_ATTEMPTS })
      expect(parked!.nextAttemptAt.getUTCFullYear()).toBe(9999)
      expect(next!.handledAt).not.toBeNull()
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_help on processed_events`)
      await t.database.db.execute(sql`drop function refuse_help()`)
    }
  })

  test('a Feishu 签到 the database keeps refusing: after the last attempt the chat reads that it was not recorded', async () => {
    const { app, clock, config } = testApp(t.database, { now: '2026-11-26T00:02:00Z', env: { ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url } })
    const deps = { db: t.database.db, clock, senders: sendersFor(config) }
    const openId = demoFeishuOpenId('liuyang')
    await t.database.db.execute(sql`create function refuse_check_in() returns trigger language plpgsql as $$ begin raise exception 'simulated: check-ins cannot be written' using errcode = '53100'; end $$`)
    await t.database.db.execute(sql`create trigger refuse_check_in before insert on attendance_events for each row execute function refuse_check_in()`)
    try {
      const event = messageEvent({ openId, text: '签到' })
      expect((await app.request('/webhooks/feishu/events', feishuRequest(event, { now: clock.now() }))).status).toBe(200)
      for (let attempt = 1; attempt <= INBOX_MAX_ATTEMPTS; attempt++) {
        await handleAndDeliver(deps)
        clock.advance(11 * 60_000)
      }
      const shown = feishu.delivered.filter((m) => m.receiveId === `oc_p2p_${openId}`).map(shownText)
      expect(shown.filter((text) => text.includes('2026-11-26 08:02'))).toEqual([
        '抱歉，您 2026-11-26 08:02 发送的“签到”多次处理失败，未能执行。请稍后重新发送；如仍不成功，请联系医务科或系统管理员。',
      ])
      expect(await t.database.db.select().from(attendanceEvents).where(eq(attendanceEvents.platformEventId, `message:${event.event.message.message_id}`))).toEqual([])
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_check_in on attendance_events`)
      await t.database.db.execute(sql`drop function refuse_check_in()`)
    }
  })
})

describe('concurrent writes share a statement', () => {
  test('two batches holding the same redelivered events in opposite orders both succeed, each event stored once', async () => {
    // On PostgreSQL the two INSERTs run at once and lock each other's keys in opposite orders (a deadlock, which
    // PostgreSQL breaks by aborting one); on PGlite they run one after the other.
    const row = (k: number) => ({ tenantId: 'demo', platform: 'console' as const, eventId: `deadlock-${k}`, sender: `demo:deadlock-${k % 7}`, message: { k }, receivedAt: new Date() })
    for (let round = 0; round < 10; round++) {
      const keys = Array.from({ length: 200 }, (_, i) => round * 1_000 + i)
      const results = await Promise.allSettled([storeInbound(t.database.db, keys.map(row)), storeInbound(t.database.db, [...keys].reverse().map(row))])
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok'])
    }
    const stored = await t.database.db.select({ eventId: inbox.eventId }).from(inbox).where(like(inbox.eventId, 'deadlock-%'))
    expect(stored).toHaveLength(2_000)
  })

  test('each caller is answered after its own batch; batches keep arrival order; a failed batch fails only its callers', async () => {
    const flushed: number[][] = []
    let failNext = false
    const write = coalesce<number>(
      async (items) => {
        await new Promise((r) => setTimeout(r, 5))
        if (failNext) {
          failNext = false
          throw new Error('database went away')
        }
        flushed.push(items)
      },
      { maxBatch: 10, inFlight: 1 },
    )
    failNext = true
    const results = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => write(i)))
    expect(results[0]).toMatchObject({ status: 'rejected' })
    expect(results.slice(1).every((r) => r.status === 'fulfilled')).toBe(true)
    expect(flushed.flat()).toEqual(Array.from({ length: 24 }, (_, i) => i + 1))
    expect(flushed.length).toBeLessThan(24)
    expect(Math.max(...flushed.map((b) => b.length))).toBeLessThanOrEqual(10)
  })

  test('handling waits for the acknowledgements being stored (quiet), but not past its longest wait', async () => {
    const release: (() => void)[] = []
    const write = coalesce<number>((_items) => new Promise<void>((r) => release.push(r)), { maxBatch: 10, inFlight: 1 })
    const order: string[] = []
    await write.quiet(1_000).then(() => order.push('quiet while idle'))
    const stored = write(1).then(() => order.push('stored'))
    const handled = write.quiet(10_000).then(() => order.push('handled'))
    await new Promise((r) => setTimeout(r, 20))
    expect(order).toEqual(['quiet while idle'])
    release.shift()!()
    await Promise.all([stored, handled])
    expect(order).toEqual(['quiet while idle', 'stored', 'handled'])
    // A flush that never ends holds handling back only for the wait given.
    void write(2)
    await write.quiet(50)
    expect(release).toHaveLength(1)
    release.shift()!()
  })

  test('in a burst, handling waits for a pause in the acknowledgements, not just for the write in progress', async () => {
    const write = coalesce<number>(async () => {}, { maxBatch: 10, inFlight: 1 })
    let handled = false
    let acknowledged = 0
    // Acknowledgements every 5 ms or so for a quarter of a second: never a 250 ms pause.
    const burst = (async () => {
      for (let k = 0; k < 50; k++) {
        await write(k)
        acknowledged++
        await new Promise((r) => setTimeout(r, 5))
      }
    })()
    const waiting = write.quiet(10_000, 250).then(() => (handled = true))
    await burst
    expect(acknowledged).toBe(50)
    expect(handled).toBe(false)
    // The burst is over: the pause comes, and handling goes.
    await waiting
    expect(handled).toBe(true)
  })
})

describe('after a burst, a new message is not queued behind the backlog', () => {
  test('messages of the last few seconds are leased first, and never ahead of their own sender’s earlier one', async () => {
    await t.database.db.update(inbox).set({ handledAt: new Date() }).where(isNull(inbox.handledAt))
    const now = new Date('2030-01-01T00:08:00Z')
    const row = (sender: string, k: number, secondsAgo: number) => ({ tenantId: 'demo', platform: 'console' as const, eventId: `burst-${sender}-${k}`, sender: `demo:${sender}`, message: { k }, receivedAt: new Date(now.getTime() - secondsAgo * 1000) })
    // The burst a minute ago, in arrival order; then 钱 writes again and 孙 for the first time.
    await storeInbound(t.database.db, [row('zhao', 1, 60), row('qian', 1, 60), row('li', 1, 59)])
    await storeInbound(t.database.db, [row('qian', 2, 1), row('sun', 1, 1)])
    const first = await leaseInbound(t.database.db, now, 2, 15_000)
    expect(first.map((r) => r.eventId)).toEqual(['burst-sun-1', 'burst-zhao-1'])
    const second = await leaseInbound(t.database.db, now, 10, 15_000)
    // 钱's new message goes with the backlog, after the one before it.
    expect(second.map((r) => r.eventId)).toEqual(['burst-qian-1', 'burst-li-1', 'burst-qian-2'])
  })

  test('right after a burst, whose last seconds are young too, the newest message is leased first; a sender still goes in order', async () => {
    await t.database.db.update(inbox).set({ handledAt: new Date() }).where(isNull(inbox.handledAt))
    const now = new Date('2030-01-01T00:08:30Z')
    const row = (sender: string, k: number, msAgo: number) => ({ tenantId: 'demo', platform: 'console' as const, eventId: `tail-${sender}-${k}`, sender: `demo:${sender}`, message: { k }, receivedAt: new Date(now.getTime() - msAgo) })
    // The burst's last three seconds, then 冯 writes for the first time and 陈, in the burst, writes again.
    await storeInbound(t.database.db, [row('chu', 1, 3000), row('wei', 1, 2900), row('chen', 1, 2800)])
    await storeInbound(t.database.db, [row('feng', 1, 200), row('chen', 2, 100)])
    const first = await leaseInbound(t.database.db, now, 2, 15_000)
    // The two newest a lease may take: 陈's second waits for her first.
    expect(first.map((r) => r.eventId).sort()).toEqual(['tail-chen-1', 'tail-feng-1'])
    const second = await leaseInbound(t.database.db, now, 10, 15_000)
    // 陈's second is not leased while her first is being handled.
    expect(second.map((r) => r.eventId).sort()).toEqual(['tail-chu-1', 'tail-wei-1'])
    await markHandled(t.database.db, [first.find((r) => r.eventId === 'tail-chen-1')!.id], now)
    expect((await leaseInbound(t.database.db, now, 10, 15_000)).map((r) => r.eventId)).toEqual(['tail-chen-2'])
  })

  test('a lease cut at its limit takes the earliest of the backlog, so no sender’s later message goes before an earlier one', async () => {
    await t.database.db.update(inbox).set({ handledAt: new Date() }).where(isNull(inbox.handledAt))
    const now = new Date('2030-01-01T00:09:00Z')
    const senders = ['zhou', 'wu', 'zheng']
    const backlog = Array.from({ length: 30 }, (_, k) => ({ tenantId: 'demo', platform: 'console' as const, eventId: `cut-${k}`, sender: `demo:${senders[k % 3]}`, message: { k }, receivedAt: new Date(now.getTime() - 120_000 + k) }))
    // Stored in three batches out of arrival order, so the table's physical order is not the arrival order.
    await storeInbound(t.database.db, backlog.slice(20))
    await storeInbound(t.database.db, backlog.slice(10, 20))
    await storeInbound(t.database.db, backlog.slice(0, 10))
    const seqOf = new Map((await t.database.db.select().from(inbox).where(like(inbox.eventId, 'cut-%'))).map((r) => [r.eventId, r.seq]))
    const bySeq = [...seqOf.keys()].sort((a, b) => seqOf.get(a)! - seqOf.get(b)!)
    const leased = await leaseInbound(t.database.db, now, 7, 15_000)
    expect(leased.map((r) => r.eventId)).toEqual(bySeq.slice(0, 7))
  })
})

describe('storing a batch of messages', () => {
  test('each message comes back as it was sent, whatever its text holds, in the order given; a redelivery adds nothing', async () => {
    const texts = ['签到 "引号" \\反斜杠\\ {大括号} a,b', 'NULL', '', 'line\nbreak\ttab', '😀 emoji and \u00e9', '\\"', '{"json":"inside"}']
    const at = new Date('2026-11-26T00:00:00.123Z')
    const rows = texts.map((text, n) => ({
      tenantId: 'demo',
      platform: 'console' as const,
      eventId: `store-batch-${n}`,
      sender: `demo:store-batch-${n % 2}`,
      message: { text, n, nested: { list: [text, null, n] } },
      receivedAt: new Date(at.getTime() + n),
    }))
    await storeInbound(t.database.db, rows)
    await storeInbound(t.database.db, [rows[2]!, { ...rows[0]!, message: { text: 'a redelivery changes nothing' } }])
    const stored = await t.database.db.select().from(inbox).where(like(inbox.eventId, 'store-batch-%')).orderBy(asc(inbox.seq))
    expect(stored.map((row) => row.eventId)).toEqual(rows.map((row) => row.eventId))
    expect(stored.map((row) => row.message)).toEqual(rows.map((row) => row.message))
    expect(stored.map((row) => row.receivedAt.toISOString())).toEqual(rows.map((row) => row.receivedAt.toISOString()))
    expect(stored.map((row) => row.nextAttemptAt.toISOString())).toEqual(rows.map((row) => row.receivedAt.toISOString()))
  })
})
