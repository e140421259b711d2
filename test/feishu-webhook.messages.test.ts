import { randomUUID } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { attendanceEvents, outbox } from '../db/schema'
import { demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
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

function bot(now: string) {
  const { app, clock, config } = testApp(t.database, { now, env: { ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url, FEISHU_BOT_OPEN_ID: 'ou_bot' } })
  const deliver = () => handleAndDeliver({ db: t.database.db, clock, senders: sendersFor(config) })
  const send = async (payload: unknown) => app.request('/webhooks/feishu/events', feishuRequest(payload, { now: clock.now() }))
  return { send, deliver, clock }
}

const delivered = (chatId: string) => feishu.delivered.filter((m) => m.receiveId === chatId).map(shownText)

describe('Feishu messages end to end: signed, encrypted, answered through the outbox', () => {
  test('签到 then 我的 from a registered doctor; each reply reaches the fake platform once', async () => {
    const { send, deliver } = bot('2026-11-23T00:03:00Z')
    const openId = demoFeishuOpenId('zhangwei')
    expect((await send(messageEvent({ openId, text: '签到' }))).status).toBe(200)
    expect((await send(messageEvent({ openId, text: '我的' }))).status).toBe(200)
    expect(await deliver()).toEqual({ sent: 2, failed: 0 })
    expect(await deliver()).toEqual({ sent: 0, failed: 0 })
    const replies = delivered(`oc_p2p_${openId}`)
    expect(replies[0]).toBe('签到成功：2026-11-23 08:03，示范县人民医院。')
    expect(replies[1]).toContain('已签到 1 天')
  })

  test('one event replayed 20× concurrently → one effect and one reply', async () => {
    const { send, deliver } = bot('2026-11-24T00:05:00Z')
    const openId = demoFeishuOpenId('wangfang')
    const payload = messageEvent({ openId, text: '签到' })
    const statuses = await Promise.all(Array.from({ length: 20 }, () => send(payload).then((r) => r.status)))
    expect(statuses.every((s) => s === 200)).toBe(true)
    await deliver()
    const [events] = await t.database.db.select({ n: count() }).from(attendanceEvents).where(eq(attendanceEvents.platformEventId, `message:${payload.event.message.message_id}`))
    expect(events!.n).toBe(1)
    expect(delivered(`oc_p2p_${openId}`).filter((r) => r.includes('2026-11-24'))).toEqual(['签到成功：2026-11-24 08:05，示范县城关镇卫生院。'])
  })

  test('the same message redelivered under a new event id is still one effect', async () => {
    const { send, deliver } = bot('2026-11-25T00:05:00Z')
    const messageId = `om_${randomUUID()}`
    await send(messageEvent({ openId: demoFeishuOpenId('liuyang'), text: '签到', messageId }))
    await send(messageEvent({ openId: demoFeishuOpenId('liuyang'), text: '签到', messageId }))
    await deliver()
    const [events] = await t.database.db.select({ n: count() }).from(attendanceEvents).where(eq(attendanceEvents.platformEventId, `message:${messageId}`))
    const [queued] = await t.database.db.select({ n: count() }).from(outbox).where(eq(outbox.idempotencyKey, `reply:feishu:message:${messageId}`))
    expect(events!.n).toBe(1)
    expect(queued!.n).toBe(1)
  })

  test('in a group the bot answers only when @mentioned, without the @ placeholder in the text', async () => {
    const { send, deliver } = bot('2026-11-26T00:05:00Z')
    const openId = demoFeishuOpenId('zhangwei')
    await send(messageEvent({ openId, text: '签到', chatType: 'group' }))
    await send(messageEvent({ openId, text: '@_user_2 签到', chatType: 'group', mentions: [{ key: '@_user_2', open_id: 'ou_someone_else' }] }))
    await send(messageEvent({ openId, text: '@_user_1 签到', chatType: 'group', mentions: [{ key: '@_user_1', open_id: 'ou_bot' }] }))
    await deliver()
    expect(delivered('oc_group_demo').filter((r) => r.includes('2026-11-26'))).toEqual(['签到成功：2026-11-26 08:05，示范县人民医院。'])
  })

  test('an unregistered Feishu user is asked to get registered', async () => {
    const { send, deliver } = bot('2026-11-26T01:00:00Z')
    await send(messageEvent({ openId: 'ou_stranger', text: '签到' }))
    await deliver()
    expect(delivered('oc_p2p_ou_stranger')).toEqual(['您还没有在对口支援助手中登记。请联系所在单位医务科或卫生健康委添加您的信息后再试。'])
  })

  test('a failed send is retried with backoff and delivered exactly once', async () => {
    const { send, deliver, clock } = bot('2026-11-27T00:05:00Z')
    const openId = demoFeishuOpenId('wangfang')
    await send(messageEvent({ openId, text: 'me' }))
    feishu.failNext({ status: 500, code: 1 }, { status: 429, code: 99991400 })
    expect(await deliver()).toEqual({ sent: 0, failed: 1 })
    expect(await deliver()).toEqual({ sent: 0, failed: 0 })
    clock.advance(1_000)
    expect(await deliver()).toEqual({ sent: 0, failed: 1 })
    clock.advance(2_000)
    expect(await deliver()).toEqual({ sent: 1, failed: 0 })
    clock.advance(60_000)
    expect(await deliver()).toEqual({ sent: 0, failed: 0 })
    expect(delivered(`oc_p2p_${openId}`).filter((r) => r.includes('Days checked in'))).toHaveLength(1)
  })
})
