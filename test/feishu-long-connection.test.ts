import { randomUUID } from 'node:crypto'
import { count, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { attendanceEvents, inbox, people } from '../db/schema'
import { parseConfig } from '../src/config'
import { demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { startNodeApp } from '../src/node-app'
import { useTestDatabase } from './support/database'
import { cardActionEvent, cardParts, fileEvent, messageEvent, shownText } from './support/feishu'
import { FEISHU_WS_ENV, startFakeFeishuLongConnection } from './support/feishu-long-connection'
import { workbook } from './support/imports'

const t = useTestDatabase()
let feishu: Awaited<ReturnType<typeof startFakeFeishuLongConnection>>
let node: ReturnType<typeof startNodeApp>
// The supervisor's idea of the time, so "no connection for more than a minute" needs no minute.
let skewMs = 0

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  // The fake announces Feishu's own cadence (a ping every 2 minutes); duikou's cap is what makes the heartbeat quick.
  feishu = await startFakeFeishuLongConnection({ pingIntervalSeconds: 120, reconnectIntervalSeconds: 0.2 })
  const config = parseConfig({ ...FEISHU_WS_ENV, DATABASE_URL: 'memory://', FEISHU_BASE_URL: feishu.url, FEISHU_BOT_OPEN_ID: 'ou_bot' })
  node = startNodeApp({
    config,
    database: t.database,
    clock: fixedClock('2026-11-23T00:03:00Z'),
    version: 'test',
    longConnection: {
      heartbeat: { maxPingIntervalSeconds: 0.3, pingTimeoutSeconds: 0.2, maxReconnectIntervalSeconds: 0.2 },
      restart: { baseMs: 50, maxMs: 200 },
      pollMs: 20,
      now: () => Date.now() + skewMs,
    },
  })
  await vi.waitFor(() => expect(feishu.openConnections()).toBe(1), { timeout: 10_000 })
})
afterAll(async () => {
  await node?.stop()
  await feishu?.close()
})

const repliesTo = (openId: string) => feishu.delivered.filter((m) => m.receiveId === `oc_p2p_${openId}`).map(shownText)
const health = async () => {
  const response = await node.app.request('/healthz')
  return { status: response.status, feishu: ((await response.json()) as { feishu: { connection: string; since: string } }).feishu }
}
const inboxRows = async (messageId: string) =>
  (await t.database.db.select({ n: count() }).from(inbox).where(eq(inbox.eventId, `message:${messageId}`)))[0]!.n

describe('Feishu long connection (FEISHU_CONNECTION=websocket) against a fake of the service', () => {
  test('a message is acknowledged once it is in the inbox, and its reply goes out through the outbox', async () => {
    const openId = demoFeishuOpenId('zhangwei')
    const event = messageEvent({ openId, text: '签到' })
    const pushed = await feishu.push(event)
    expect(pushed.code).toBe(200)
    expect(await inboxRows(event.event.message.message_id)).toBe(1)
    await vi.waitFor(() => expect(repliesTo(openId)).toEqual(['签到成功：2026-11-23 08:03，示范县人民医院。']), { timeout: 10_000 })
    expect(await health()).toMatchObject({ status: 200, feishu: { connection: 'connected' } })
  })

  test('a card click is answered over the connection with the toast and the card a webhook answer carries', async () => {
    const pushed = await feishu.push(cardActionEvent({ openId: demoFeishuOpenId('zhangwei'), value: { command: '我的' } }))
    expect(pushed.data.toast.type).toBe('info')
    expect(pushed.data.card.type).toBe('raw')
    expect(JSON.stringify(pushed.data.card.data)).toContain('已签到 1 天')
  })

  test('an office clerk sends 名单.xlsx over the long connection, reads the plan, taps 确认导入: the doctor and the posting are there', async () => {
    const clerk = demoFeishuOpenId('sunzhuren')
    const roster = await workbook({
      人员: { rows: [['姓名', '职称', '执业资格', '工作单位', '角色'], ['韩梅', '主治医师', '执业医师', '示范市第一人民医院', '医生']] },
      派驻: { rows: [['姓名', '支援医院', '受援医院', '政策', '开始日期', '结束日期'], ['韩梅', '示范市第一人民医院', '示范县人民医院', 'henan-2015', '2026-12-01', '2027-05-31']] },
    })
    const event = fileEvent({ openId: clerk, fileKey: 'file_v3_ws_roster', fileName: '名单.xlsx' })
    feishu.serveResource(event.event.message.message_id, 'file_v3_ws_roster', roster)
    await feishu.push(event)
    await vi.waitFor(() => expect(feishu.delivered.filter((m) => m.receiveId === `oc_p2p_${clerk}`).length).toBe(1), { timeout: 10_000 })
    const preview = feishu.delivered.find((m) => m.receiveId === `oc_p2p_${clerk}`)!
    expect(shownText(preview)).toContain('将新建：单位 0 · 人员 1')
    const clicked = await feishu.push(cardActionEvent({ openId: clerk, value: cardParts(preview).buttons[0]!.value }))
    expect(clicked.data.toast.type).toBe('success')
    const [han] = await t.database.db.select({ n: count() }).from(people).where(eq(people.name, '韩梅'))
    expect(han!.n).toBe(1)
  })

  test('the connection drops after the client handled an event; the redelivery on the new connection is handled once', async () => {
    const openId = demoFeishuOpenId('wangfang')
    const before = feishu.connections()
    feishu.loseAcks(1)
    const event = messageEvent({ openId, text: '签到' })
    const pushed = await feishu.push(event)
    expect(pushed.deliveries).toBeGreaterThanOrEqual(2)
    expect(feishu.connections()).toBeGreaterThan(before)
    await vi.waitFor(() => expect(repliesTo(openId).length).toBe(1), { timeout: 10_000 })
    const [events] = await t.database.db.select({ n: count() }).from(attendanceEvents).where(eq(attendanceEvents.platformEventId, `message:${event.event.message.message_id}`))
    expect(events!.n).toBe(1)
    expect(await inboxRows(event.event.message.message_id)).toBe(1)
  })

  test('events pushed while every connection is down arrive after the reconnect, each once', async () => {
    feishu.dropAll()
    const openIds = ['liuyang', 'chenjing', 'zhaolei'].map(demoFeishuOpenId)
    const events = openIds.map((openId) => messageEvent({ openId, text: '帮助', messageId: `om_${randomUUID()}` }))
    await Promise.all(events.map((e) => feishu.push(e)))
    await vi.waitFor(() => expect(openIds.map((id) => repliesTo(id).length)).toEqual([1, 1, 1]), { timeout: 10_000 })
    const rows = await t.database.db.select({ n: count() }).from(inbox).where(inArray(inbox.eventId, events.map((e) => `message:${e.event.message.message_id}`)))
    expect(rows[0]!.n).toBe(3)
  })

  test('a connection that goes silent without closing is noticed by the heartbeat and replaced', async () => {
    const { feishu: before } = await health()
    const connections = feishu.connections()
    feishu.goSilent()
    await vi.waitFor(() => expect(feishu.connections()).toBeGreaterThan(connections), { timeout: 10_000 })
    await vi.waitFor(async () => {
      const { feishu: now } = await health()
      expect(now.connection).toBe('connected')
      expect(Date.parse(now.since)).toBeGreaterThan(Date.parse(before.since))
    }, { timeout: 10_000 })
    const openId = demoFeishuOpenId('liuyang')
    await feishu.push(messageEvent({ openId, text: '我的' }))
    await vi.waitFor(() => expect(repliesTo(openId).length).toBe(2), { timeout: 10_000 })
  })

  test('when the SDK gives up (failed), a new client is started; /healthz answers 503 only after a minute without a connection', async () => {
    feishu.refuseDiscovery(true)
    feishu.dropAll()
    await vi.waitFor(async () => expect((await health()).feishu.connection).toBe('failed'), { timeout: 10_000 })
    expect((await health()).status).toBe(200)
    skewMs = 61_000
    expect((await health()).status).toBe(503)
    // The supervisor keeps starting new clients (each asks for the endpoint again) until one is let in.
    const discoveries = feishu.discoveries()
    await vi.waitFor(() => expect(feishu.discoveries()).toBeGreaterThan(discoveries + 1), { timeout: 10_000 })
    feishu.refuseDiscovery(false)
    await vi.waitFor(async () => expect(await health()).toMatchObject({ status: 200, feishu: { connection: 'connected' } }), { timeout: 10_000 })
    const openId = demoFeishuOpenId('zhaolei')
    await feishu.push(messageEvent({ openId, text: '我的' }))
    await vi.waitFor(() => expect(repliesTo(openId).length).toBe(2), { timeout: 10_000 })
  })
})
