import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { attendanceEvents } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { sendersFor } from '../src/platforms/senders'
import { handleInbox } from '../src/jobs/handle-inbox'
import { handleAndDeliver, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { locationXml, shownText, startFakeWecom, textXml, WECOM_ENV, wecomPost } from './support/wecom'

const t = useTestDatabase()
let wecom: Awaited<ReturnType<typeof startFakeWecom>>
// 示范县人民医院 is seeded at 34.5213, 113.8562.
const NEAR = { latitude: 34.523, longitude: 113.857 }
const FAR = { latitude: 34.65, longitude: 113.8562 }

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  wecom = await startFakeWecom()
})
afterAll(() => wecom.close())

function bot(now: string) {
  const { app, clock, config } = testApp(t.database, { now, env: { ...WECOM_ENV, WECOM_BASE_URL: wecom.url } })
  const senders = sendersFor(config)
  const post = (xml: string) => app.request(...wecomPost(xml, { now: clock.now() }))
  return {
    clock,
    say: (text: string) => post(textXml({ userId: 'zhangwei', text, at: clock.now() }).xml),
    share: (at: { latitude: number; longitude: number }, msgId?: string) => post(locationXml({ userId: 'zhangwei', ...at, at: clock.now(), msgId }).xml),
    replies: async () => {
      await handleAndDeliver({ db: t.database.db, clock, senders })
      return wecom.delivered.filter((m) => m.to === 'zhangwei').map(shownText)
    },
  }
}

async function flaggedOn(day: string) {
  const rows = await t.database.db.select().from(attendanceEvents).where(eq(attendanceEvents.flagged, true))
  return rows.filter((r) => r.occurredAt.toISOString().startsWith(day))
}

describe('WeCom location messages as check-in proof', () => {
  test('a location sent just before 签到, near the receiving hospital, is attached', async () => {
    const b = bot('2026-11-24T00:00:00Z')
    expect((await b.share(NEAR)).status).toBe(200)
    b.clock.advance(3 * 60_000)
    await b.say('签到')
    const replies = await b.replies()
    expect(replies.at(-2)).toBe('已收到位置。请在 10 分钟内发送“签到”，位置将作为签到凭证。')
    expect(replies.at(-1)).toBe('签到成功：2026-11-24 08:03，示范县人民医院。\n已附上签到位置（距示范县人民医院约 0.2 公里）。')
    expect(await flaggedOn('2026-11-24')).toEqual([])
  })

  test('a location sent after 签到, 14 km away, keeps the check-in and flags it, and the reply says so', async () => {
    const b = bot('2026-11-25T00:00:00Z')
    await b.say('签到')
    b.clock.advance(5 * 60_000)
    await b.share(FAR)
    expect((await b.replies()).at(-1)).toBe('定位距示范县人民医院约 14 公里，超过 1 公里：本次签到已保留并标记，待医务科核实。')
    const flagged = await flaggedOn('2026-11-25')
    expect(flagged.map((e) => e.kind).sort()).toEqual(['checkIn', 'location'])
  })

  test('a location message redelivered (same MsgId) is recorded once', async () => {
    const b = bot('2026-11-26T00:00:00Z')
    const msgId = '7100000000000000001'
    for (let i = 0; i < 3; i++) expect((await b.share(NEAR, msgId)).status).toBe(200)
    await handleInbox({ db: t.database.db, clock: b.clock })
    const rows = await t.database.db.select().from(attendanceEvents).where(eq(attendanceEvents.platformEventId, `msg:${msgId}`))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'location', latitude: NEAR.latitude, longitude: NEAR.longitude })
  })

  test('coordinates out of range are a 400 and nothing is written', async () => {
    const b = bot('2026-11-27T00:00:00Z')
    const xml = locationXml({ userId: 'zhangwei', latitude: 134.5, longitude: 113.8, at: b.clock.now(), msgId: '7100000000000000002' }).xml
    const { app } = testApp(t.database, { now: '2026-11-27T00:00:00Z', env: { ...WECOM_ENV, WECOM_BASE_URL: wecom.url } })
    expect((await app.request(...wecomPost(xml, { now: b.clock.now() }))).status).toBe(400)
    expect(await t.database.db.select().from(attendanceEvents).where(eq(attendanceEvents.platformEventId, 'msg:7100000000000000002'))).toEqual([])
  })
})
