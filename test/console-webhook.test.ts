import { randomUUID } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { attendanceEvents, attendanceDays, processedEvents } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()
// 08:03 in Asia/Shanghai on 2026-11-23.
const MORNING = '2026-11-23T00:03:00Z'

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock(MORNING))
})

const id = () => randomUUID()

async function eventsOf(messageId: string) {
  const [row] = await t.database.db.select({ n: count() }).from(attendanceEvents).where(eq(attendanceEvents.platformEventId, messageId))
  return row!.n
}

describe('console: check-in and 我的 end to end', () => {
  test('签到 then 我的 shows one day checked in, at the server time in Asia/Shanghai', async () => {
    const { app } = testApp(t.database, { now: MORNING })
    const checkIn = await say(app, 'zhangwei', '签到', id())
    expect(checkIn.text).toContain('签到成功：2026-11-23 08:03')
    const me = await say(app, 'zhangwei', '我的', id())
    expect(me.text).toContain('已签到 1 天')
    expect(me.text).toContain('今天：08:03 签到，尚未签退')
    expect(me.text).toContain('豫卫发〔2015〕2号')
  })

  test('a second 签到 on the same day answers with the first time and writes no second day', async () => {
    const { app, clock } = testApp(t.database, { now: '2026-11-27T00:03:00Z' })
    await say(app, 'zhangwei', '签到', id())
    clock.set('2026-11-27T01:30:00Z')
    const again = await say(app, 'zhangwei', '签到', id())
    expect(again.text).toBe('您今天已于 08:03 签到（示范县人民医院），无需重复签到。')
    const days = await t.database.db.select().from(attendanceDays).where(eq(attendanceDays.day, '2026-11-27'))
    expect(days).toHaveLength(1)
    expect(days[0]!.checkInAt!.toISOString()).toBe('2026-11-27T00:03:00.000Z')
  })

  test('replaying the same message id leaves one attendance event and gives the same answer', async () => {
    const { app } = testApp(t.database, { now: '2026-11-24T00:10:00Z' })
    const messageId = id()
    const first = await say(app, 'wangfang', 'checkin', messageId)
    const replay = await say(app, 'wangfang', 'checkin', messageId)
    expect(replay).toEqual(first)
    expect(first.text).toBe('Checked in at 08:10 on 2026-11-24, 示范县城关镇卫生院.')
    expect(await eventsOf(messageId)).toBe(1)
  })

  test('a client cannot set the check-in time: extra fields are ignored and the server clock is stored', async () => {
    const { app } = testApp(t.database, { now: '2026-11-24T00:20:00Z' })
    const messageId = id()
    const response = await app.request('/webhooks/console', {
      method: 'POST',
      body: JSON.stringify({ user: 'liuyang', text: '签到', messageId, occurredAt: '2020-01-01T00:00:00Z', timestamp: 0 }),
    })
    expect(response.status).toBe(200)
    const [event] = await t.database.db.select().from(attendanceEvents).where(eq(attendanceEvents.platformEventId, messageId))
    expect(event!.occurredAt.toISOString()).toBe('2026-11-24T00:20:00.000Z')
  })

  test('签退 records the time; a later 签退 moves it and says so', async () => {
    const { app, clock } = testApp(t.database, { now: '2026-11-28T00:10:00Z' })
    await say(app, 'wangfang', '签到', id())
    clock.set('2026-11-28T09:30:00Z')
    expect((await say(app, 'wangfang', '签退', id())).text).toBe('签退成功：2026-11-28 17:30。')
    clock.set('2026-11-28T10:05:00Z')
    expect((await say(app, 'wangfang', '签退', id())).text).toBe('签退时间已更新为 18:05（原为 17:30）。')
    expect((await say(app, 'wangfang', '我的', id())).text).toContain('今天：08:10 签到，18:05 签退。')
  })

  test('签退 without a check-in keeps the check-out and tells how to correct the day', async () => {
    const { app } = testApp(t.database, { now: '2026-11-25T09:00:00Z' })
    const reply = await say(app, 'liuyang', '签退', id())
    expect(reply.tone).toBe('warning')
    expect(reply.text).toContain('今天没有签到记录。如当天在岗，请发送：补卡 11-25 事由')
  })
})

describe('console: people who cannot check in are told why', () => {
  test('a registered user without a posting gets a clear explanation and nothing is written', async () => {
    const { app } = testApp(t.database)
    const messageId = id()
    const reply = await say(app, 'sunzhuren', '签到', messageId)
    expect(reply.text).toBe('您目前没有派驻任务，无需签到。如有疑问，请联系所在单位医务科。')
    expect(await eventsOf(messageId)).toBe(0)
  })

  test('an unknown handle is asked to get registered', async () => {
    const { app } = testApp(t.database)
    expect((await say(app, 'nobody', '签到', id())).text).toContain('请联系所在单位医务科或卫生健康委添加')
    expect((await say(app, 'nobody', 'checkin', id())).text).toContain('ask your office')
  })

  test('我的 says what the policy requires, with its clause, and the progress against it', async () => {
    const { app } = testApp(t.database, { now: '2026-11-26T02:00:00Z' })
    const me = (await say(app, 'liuyang', '我的', id())).text
    expect(me).toContain('要求：连续驻点不少于1年（烟卫〔2024〕17号 附件3 二(二)）。')
    expect(me).toContain('已驻点 34 天。')
    expect(me).toContain('请假 0 天（已批准）；脱岗 0 次。')
    // Henan 2015 ran until 2020; the demo continues it with a successor labelled as demo data, and the reply names it.
    expect((await say(app, 'zhangwei', '我的', id())).text).toContain('附件8 三(一)1、四(二)，经 演示数据（非真实文件） 延续（2021-01-01 起）')
  })

  test('the Chinese name works as a console handle too', async () => {
    const { app } = testApp(t.database, { now: '2026-11-26T00:00:00Z' })
    expect((await say(app, '刘洋', '我的', id())).text).toContain('示范县人民医院 → 示范县城关镇卫生院')
  })
})

describe('console: help and unknown text', () => {
  test.each([
    ['帮助', '可以发送以下指令：'],
    ['help', 'Here is what I can do:'],
    ['随便说点什么', '抱歉，没能理解“随便说点什么”'],
    ['what can you do', 'Sorry, I did not understand “what can you do”'],
  ])('%s → help text', async (text, expected) => {
    const { app } = testApp(t.database)
    const reply = await say(app, 'zhangwei', text, id())
    expect(reply.text).toContain(expected)
    expect(reply.text).toMatch(/签到|checkin/)
  })
})

describe('console: the route itself', () => {
  test('does not exist unless CONSOLE_ENABLED=true', async () => {
    const { app } = testApp(t.database, { env: { CONSOLE_ENABLED: 'false' } })
    const response = await app.request('/webhooks/console', {
      method: 'POST',
      body: JSON.stringify({ user: 'zhangwei', text: '签到', messageId: id() }),
    })
    expect(response.status).toBe(404)
  })

  test.each([
    ['not JSON', 'hello', 'body must be JSON'],
    ['no messageId', JSON.stringify({ user: 'zhangwei', text: '签到' }), 'messageId'],
    ['empty user', JSON.stringify({ user: ' ', text: '签到', messageId: 'x' }), 'user is required'],
  ])('rejects a malformed body (%s) with 400 and writes nothing', async (_case, body, message) => {
    const { app } = testApp(t.database)
    const before = await t.database.db.select({ n: count() }).from(processedEvents)
    const response = await app.request('/webhooks/console', { method: 'POST', body })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(message)
    const after = await t.database.db.select({ n: count() }).from(processedEvents)
    expect(after).toEqual(before)
  })
})
