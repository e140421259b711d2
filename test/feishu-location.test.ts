import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { attendanceEvents } from '../db/schema'
import { demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { sendersFor } from '../src/platforms/senders'
import { handleAndDeliver, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { FEISHU_ENV, feishuRequest, locationEvent, messageEvent, shownText, startFakeFeishu } from './support/feishu'

const t = useTestDatabase()
let feishu: Awaited<ReturnType<typeof startFakeFeishu>>
const doctor = demoFeishuOpenId('zhangwei')
// 示范县人民医院 is seeded at 34.5213, 113.8562.
const NEAR = { latitude: 34.523, longitude: 113.857 }
const FAR = { latitude: 34.65, longitude: 113.8562 }

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  feishu = await startFakeFeishu()
})
afterAll(() => feishu.close())

function bot(now: string) {
  const { app, clock, config } = testApp(t.database, { now, env: { ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url } })
  return {
    clock,
    send: async (payload: unknown) => app.request('/webhooks/feishu/events', feishuRequest(payload, { now: clock.now() })),
    replies: async () => {
      await handleAndDeliver({ db: t.database.db, clock, senders: sendersFor(config) })
      return feishu.delivered.filter((m) => m.receiveId === `oc_p2p_${doctor}`).map(shownText)
    },
  }
}

async function flaggedOn(day: string) {
  const rows = await t.database.db.select().from(attendanceEvents).where(and(eq(attendanceEvents.flagged, true)))
  return rows.filter((r) => r.occurredAt.toISOString().startsWith(day))
}

describe('Feishu location messages as check-in proof', () => {
  test('a location sent just before 签到, near the receiving hospital, is attached', async () => {
    const b = bot('2026-11-24T00:00:00Z')
    await b.send(locationEvent({ openId: doctor, ...NEAR }))
    b.clock.advance(3 * 60_000)
    await b.send(messageEvent({ openId: doctor, text: '签到' }))
    const replies = await b.replies()
    expect(replies.at(-2)).toBe('已收到位置。请在 10 分钟内发送“签到”，位置将作为签到凭证。')
    expect(replies.at(-1)).toBe('签到成功：2026-11-24 08:03，示范县人民医院。\n已附上签到位置（距示范县人民医院约 0.2 公里）。')
    expect(await flaggedOn('2026-11-24')).toEqual([])
  })

  test('a location sent after 签到, 14 km away, keeps the check-in and flags it, and the reply says so', async () => {
    const b = bot('2026-11-25T00:00:00Z')
    await b.send(messageEvent({ openId: doctor, text: '签到' }))
    b.clock.advance(5 * 60_000)
    await b.send(locationEvent({ openId: doctor, ...FAR }))
    expect((await b.replies()).at(-1)).toBe('定位距示范县人民医院约 14 公里，超过 1 公里：本次签到已保留并标记，待医务科核实。')
    const flagged = await flaggedOn('2026-11-25')
    expect(flagged.map((e) => e.kind).sort()).toEqual(['checkIn', 'location'])
  })

  test('a location more than 10 minutes before 签到 is not taken as proof', async () => {
    const b = bot('2026-11-26T00:00:00Z')
    await b.send(locationEvent({ openId: doctor, ...FAR }))
    b.clock.advance(11 * 60_000)
    await b.send(messageEvent({ openId: doctor, text: '签到' }))
    expect((await b.replies()).at(-1)).toBe('签到成功：2026-11-26 08:11，示范县人民医院。')
    expect(await flaggedOn('2026-11-26')).toEqual([])
  })

  test('a location sent before 签到, 14 km away, keeps the check-in and flags both, and the 签到 reply says so', async () => {
    const b = bot('2026-11-27T00:00:00Z')
    await b.send(locationEvent({ openId: doctor, ...FAR }))
    b.clock.advance(4 * 60_000)
    await b.send(messageEvent({ openId: doctor, text: '签到' }))
    expect((await b.replies()).at(-1)).toBe(
      '签到成功：2026-11-27 08:04，示范县人民医院。\n定位距示范县人民医院约 14 公里，超过 1 公里：本次签到已保留并标记，待医务科核实。',
    )
    expect((await flaggedOn('2026-11-27')).map((e) => e.kind).sort()).toEqual(['checkIn', 'location'])
  })
})
