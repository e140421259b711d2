import { and, eq, like } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { attendanceDays, outbox, people, postings } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { sweepDay } from '../src/usecases/attendance/sweep-day'
import { warnCliffs } from '../src/usecases/calendar/warn-cliffs'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

const texts = async (pattern: string) =>
  (await t.database.db.select().from(outbox).where(like(outbox.idempotencyKey, pattern))).map((r) => (r.message as { reply: { text: string } }).reply.text)

test('without a successor or a 2027 notice: the office is warned on 2026-12-02, and 2027-01-04 is 未判定 with the reason', async () => {
  const { db } = t.database
  const clock = fixedClock('2026-11-01T02:00:00Z')
  await seedDemo(db, clock)

  clock.set('2026-12-01T02:00:00Z')
  await warnCliffs({ db, clock }, { tenantId: 'demo', day: '2026-12-01' })
  expect(await texts('policy-cliff:%')).toEqual([])

  clock.set('2026-12-02T02:00:00Z')
  await warnCliffs({ db, clock }, { tenantId: 'demo', day: '2026-12-02' })
  await warnCliffs({ db, clock }, { tenantId: 'demo', day: '2026-12-03' })
  const policy = await texts('policy-cliff:demo:yantai-2024:2026-12-31:%')
  expect(policy).toHaveLength(1)
  expect(policy[0]).toContain('烟卫〔2024〕17号，其实施期到 2026-12-31 结束')
  expect(policy[0]).toContain('npm run cli -- policy continue yantai-2024 --document 文号 --from 2027-01-01')
  const calendar = await texts('calendar-cliff:demo:2027:%')
  expect(calendar).toHaveLength(1)
  expect(calendar[0]).toContain('npm run cli -- calendar import')
  // The demo's Henan pack is continued by its demo successor (open-ended): no warning for it.
  expect(await texts('policy-cliff:demo:henan-2015:%')).toEqual([])

  clock.set('2027-01-04T17:00:00Z')
  await sweepDay({ db, clock }, { tenantId: 'demo', day: '2027-01-04' })
  const [liu] = await db.select().from(postings).innerJoin(people, eq(people.id, postings.personId)).where(eq(people.name, '刘洋'))
  const [day] = await db.select().from(attendanceDays).where(and(eq(attendanceDays.postingId, liu!.postings.id), eq(attendanceDays.day, '2027-01-04')))
  expect(day!.status).toBe('unknown')
  const reason = await texts('calendar-unknown:demo:2027:%')
  expect(reason[0]).toContain('节假日数据尚未覆盖 2027 年')
  expect(reason[0]).toContain('记为“未判定”')
})
