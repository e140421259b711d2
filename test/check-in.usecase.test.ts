import { randomUUID } from 'node:crypto'
import { and, count, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { attendanceDays, attendanceEvents, identities, people, postings, processedEvents } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { handleMessage } from '../src/usecases/handle-message'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()
const TENANT = 'demo'

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
})

const message = (user: string, text: string, eventId = randomUUID()) => ({
  platform: 'console' as const,
  tenantId: TENANT,
  eventId,
  senderExternalId: user,
  text,
})

async function personId(handle: string) {
  const [row] = await t.database.db
    .select({ id: people.id })
    .from(identities)
    .innerJoin(people, eq(people.id, identities.personId))
    .where(eq(identities.externalId, handle))
  return row!.id
}

describe('check-in is exactly once under platform retries and races', () => {
  test('twenty concurrent deliveries of one event: one effect, one stored reply, the same answer to all', async () => {
    const deps = { db: t.database.db, clock: fixedClock('2026-12-01T00:05:00Z') }
    const eventId = randomUUID()
    const replies = await Promise.all(Array.from({ length: 20 }, () => handleMessage(deps, message('zhangwei', '签到', eventId))))
    expect(new Set(replies.map((r) => r.text)).size).toBe(1)
    expect(replies[0]!.text).toContain('签到成功：2026-12-01 08:05')
    const [events] = await t.database.db.select({ n: count() }).from(attendanceEvents).where(eq(attendanceEvents.platformEventId, eventId))
    const [claims] = await t.database.db.select({ n: count() }).from(processedEvents).where(eq(processedEvents.eventId, eventId))
    expect(events!.n).toBe(1)
    expect(claims!.n).toBe(1)
  })

  test('ten different check-in messages racing on one day: one day row, one check-in event, nine "already"', async () => {
    const deps = { db: t.database.db, clock: fixedClock('2026-12-02T00:07:00Z') }
    const replies = await Promise.all(Array.from({ length: 10 }, () => handleMessage(deps, message('wangfang', '签到'))))
    expect(replies.filter((r) => r.text.startsWith('签到成功'))).toHaveLength(1)
    expect(replies.filter((r) => r.text.startsWith('您今天已于 08:07 签到'))).toHaveLength(9)
    const pid = await personId('wangfang')
    const [posting] = await t.database.db.select().from(postings).where(eq(postings.personId, pid))
    const days = await t.database.db
      .select()
      .from(attendanceDays)
      .where(and(eq(attendanceDays.postingId, posting!.id), eq(attendanceDays.day, '2026-12-02')))
    expect(days).toHaveLength(1)
    const checkIns = await t.database.db
      .select({ n: count() })
      .from(attendanceEvents)
      .where(and(eq(attendanceEvents.postingId, posting!.id), eq(attendanceEvents.kind, 'checkIn')))
    expect(checkIns[0]!.n).toBe(1)
  })
})

describe('days are Asia/Shanghai calendar days', () => {
  test('23:59 and 00:01 Beijing time are two days, although both are the same UTC date', async () => {
    const clock = fixedClock('2026-12-03T15:59:00Z')
    const deps = { db: t.database.db, clock }
    expect((await handleMessage(deps, message('liuyang', '签到'))).text).toContain('2026-12-03 23:59')
    clock.set('2026-12-03T16:01:00Z')
    expect((await handleMessage(deps, message('liuyang', '签到'))).text).toContain('签到成功：2026-12-04 00:01')
  })
})

describe('postings bound the days a doctor can check in', () => {
  test('before the posting starts the reply gives the start date; after it ends, the end date', async () => {
    const pid = await personId('zhangwei')
    const [posting] = await t.database.db.select().from(postings).where(eq(postings.personId, pid))
    const before = { db: t.database.db, clock: fixedClock(`${posting!.startsOn}T00:00:00Z`) }
    before.clock.set(new Date(Date.parse(`${posting!.startsOn}T00:00:00+08:00`) - 60_000))
    expect((await handleMessage(before, message('zhangwei', '签到'))).text).toBe(
      `您的派驻（示范县人民医院）将于 ${posting!.startsOn} 开始，届时再签到即可。`,
    )
    const after = { db: t.database.db, clock: fixedClock(new Date(Date.parse(`${posting!.endsOn}T00:00:00+08:00`) + 86_400_000)) }
    expect((await handleMessage(after, message('zhangwei', '我的'))).text).toBe(
      `您在示范县人民医院的派驻已于 ${posting!.endsOn} 结束，目前没有进行中的派驻任务。`,
    )
  })

  test('a workspace that is not set up gets an explanation and nothing is written', async () => {
    const deps = { db: t.database.db, clock: fixedClock('2026-12-01T00:00:00Z') }
    const eventId = randomUUID()
    const reply = await handleMessage(deps, { ...message('zhangwei', '签到', eventId), platform: 'feishu', tenantId: 'nowhere' })
    expect(reply.text).toContain('本单位尚未开通')
    // On the console the one asking runs this machine: they are told what to run.
    const local = await handleMessage(deps, { ...message('zhangwei', '签到', randomUUID()), tenantId: 'nowhere' })
    expect(local.text).toContain('npm run seed:demo')
    const [claims] = await t.database.db.select({ n: count() }).from(processedEvents).where(eq(processedEvents.eventId, eventId))
    expect(claims!.n).toBe(0)
  })
})
