import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { attendanceEvents, outbox } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { sendersFor } from '../src/platforms/senders'
import { handleAndDeliver, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { shownText, startFakeWecom, textXml, WECOM_ENV, wecomPost } from './support/wecom'

const t = useTestDatabase()
let wecom: Awaited<ReturnType<typeof startFakeWecom>>

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  wecom = await startFakeWecom()
})
afterAll(() => wecom.close())

function bot(now: string) {
  const { app, clock, config } = testApp(t.database, { now, env: { ...WECOM_ENV, WECOM_BASE_URL: wecom.url } })
  // One sender for the whole test, as in the server: its token cache and rate limits live across deliveries.
  const senders = sendersFor(config)
  const deliver = () => handleAndDeliver({ db: t.database.db, clock, senders })
  const say = (userId: string, text: string, extra: { msgId?: string; chatId?: string } = {}) => {
    const { xml, msgId } = textXml({ userId, text, at: clock.now(), ...extra })
    return { msgId, send: async () => app.request(...wecomPost(xml, { now: clock.now() })) }
  }
  return { say, deliver, clock }
}

const toUser = (userId: string) => wecom.delivered.filter((m) => m.api === 'message/send' && m.to === userId).map(shownText)

describe('WeCom messages end to end: signed, encrypted, answered through the outbox and the API', () => {
  test('签到 then 我的 from a demo doctor; each reply reaches WeCom once, as the app', async () => {
    const { say, deliver } = bot('2026-11-23T00:03:00Z')
    const checkIn = await say('zhangwei', '签到').send()
    expect(checkIn.status).toBe(200)
    expect(await checkIn.text()).toBe('')
    expect((await say('zhangwei', '我的').send()).status).toBe(200)
    expect(await deliver()).toEqual({ sent: 2, failed: 0 })
    expect(await deliver()).toEqual({ sent: 0, failed: 0 })
    const replies = toUser('zhangwei')
    expect(replies[0]).toBe('签到成功：2026-11-23 08:03，示范县人民医院。')
    expect(replies[1]).toContain('已签到 1 天')
    const sent = wecom.delivered.find((m) => m.to === 'zhangwei')!.body
    expect(sent).toMatchObject({ touser: 'zhangwei', agentid: 1000002, msgtype: 'text', enable_duplicate_check: 1 })
    expect(sent.duplicate_check_interval).toBeGreaterThan(0)
  })

  test('one message replayed 20× concurrently → one effect and one reply', async () => {
    const { say, deliver } = bot('2026-11-24T00:05:00Z')
    const message = say('wangfang', '签到')
    const statuses = await Promise.all(Array.from({ length: 20 }, () => message.send().then((r) => r.status)))
    expect(statuses.every((s) => s === 200)).toBe(true)
    await deliver()
    const [events] = await t.database.db.select({ n: count() }).from(attendanceEvents).where(eq(attendanceEvents.platformEventId, `msg:${message.msgId}`))
    expect(events!.n).toBe(1)
    expect(toUser('wangfang').filter((r) => r.includes('2026-11-24'))).toEqual(['签到成功：2026-11-24 08:05，示范县城关镇卫生院。'])
  })

  test('the empty 200 comes once the message is stored; it is handled afterwards, at the minute it was sent', async () => {
    const { say, deliver, clock } = bot('2026-11-30T00:29:00Z')
    const { msgId, send } = say('zhangwei', '签到')
    expect((await send()).status).toBe(200)
    expect(await t.database.db.select().from(attendanceEvents).where(eq(attendanceEvents.platformEventId, `msg:${msgId}`))).toEqual([])
    clock.advance(3 * 60_000)
    await deliver()
    expect(await t.database.db.select().from(attendanceEvents).where(eq(attendanceEvents.platformEventId, `msg:${msgId}`))).toHaveLength(1)
    expect(toUser('zhangwei').filter((r) => r.includes('2026-11-30'))).toEqual(['签到成功：2026-11-30 08:29，示范县人民医院。'])
  })

  test('a message from an app group chat is answered in that chat through appchat/send', async () => {
    const { say, deliver } = bot('2026-11-25T00:05:00Z')
    await say('liuyang', '签到', { chatId: 'wrDemoGroup' }).send()
    await deliver()
    const inChat = wecom.delivered.filter((m) => m.api === 'appchat/send' && m.to === 'wrDemoGroup')
    expect(inChat.map(shownText)).toEqual(['签到成功：2026-11-25 08:05，示范县城关镇卫生院。'])
    expect(inChat[0]!.body).toMatchObject({ chatid: 'wrDemoGroup', msgtype: 'text', safe: 0 })
  })

  test('a titled reply goes out as text, readable in WeChat too, with the title on its first line', async () => {
    const { say, deliver } = bot('2026-11-25T01:00:00Z')
    await say('liuyang', '帮助').send()
    await deliver()
    const help = wecom.delivered.filter((m) => m.to === 'liuyang').at(-1)!
    expect(help.body.msgtype).toBe('text')
    expect(help.body.text.content).toMatch(/^【对口支援助手 · 可用指令】\n/)
  })

  test('the access token is fetched once and reused; an expired one is refreshed and the message still goes out once', async () => {
    const { say, deliver } = bot('2026-11-26T00:05:00Z')
    const tokensBefore = wecom.tokenCalls()
    await say('zhangwei', '签到').send()
    await say('wangfang', '签到').send()
    await deliver()
    expect(wecom.tokenCalls() - tokensBefore).toBe(1)

    wecom.expireToken()
    await say('liuyang', '签到').send()
    const sendsBefore = wecom.sendCalls()
    expect(await deliver()).toEqual({ sent: 1, failed: 0 })
    expect(wecom.sendCalls() - sendsBefore).toBe(2)
    expect(wecom.tokenCalls() - tokensBefore).toBe(2)
    expect(toUser('liuyang').filter((r) => r.includes('2026-11-26'))).toEqual(['签到成功：2026-11-26 08:05，示范县城关镇卫生院。'])
  })

  test('a 5xx and a rate-limit errcode are retried with backoff; the reply is delivered once', async () => {
    const { say, deliver, clock } = bot('2026-11-27T00:05:00Z')
    const { msgId, send } = say('wangfang', 'me')
    await send()
    wecom.failNext({ status: 502, errcode: -1 }, { status: 200, errcode: 45009 })
    expect(await deliver()).toEqual({ sent: 0, failed: 1 })
    expect(await deliver()).toEqual({ sent: 0, failed: 0 })
    clock.advance(1_000)
    expect(await deliver()).toEqual({ sent: 0, failed: 1 })
    clock.advance(2_000)
    expect(await deliver()).toEqual({ sent: 1, failed: 0 })
    clock.advance(60_000)
    expect(await deliver()).toEqual({ sent: 0, failed: 0 })
    expect(toUser('wangfang').filter((r) => r.includes('Days checked in'))).toHaveLength(1)
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, `reply:wecom:msg:${msgId}`))
    expect(row).toMatchObject({ attempts: 3, lastError: null })
    expect(row!.sentAt).not.toBeNull()
  })

  test('a permanent refusal (e.g. 81013, no such member) is not retried', async () => {
    const { say, deliver, clock } = bot('2026-11-27T02:00:00Z')
    const { msgId, send } = say('liuyang', '我的')
    await send()
    wecom.failNext({ status: 200, errcode: 81013 })
    expect(await deliver()).toEqual({ sent: 0, failed: 1 })
    clock.advance(24 * 3_600_000)
    expect(await deliver()).toEqual({ sent: 0, failed: 0 })
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, `reply:wecom:msg:${msgId}`))
    expect(row!.sentAt).toBeNull()
    expect(row!.lastError).toContain('81013')
  })
})
