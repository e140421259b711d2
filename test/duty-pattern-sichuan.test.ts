import { eq, like } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { identities, orgs, outbox, people, postings } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { runDueJobs } from '../src/jobs/run-jobs'
import { handleMessage } from '../src/usecases/handle-message'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

const textOf = (r: typeof outbox.$inferSelect) => (r.message as { reply: { text: string } }).reply.text

// 川卫发〔2017〕172号 runs to the end of 2020, so the posting is walked in its last quarter.
test('Sichuan 副高: a month with a full week on site is met, one without is not; at the end the 12 weeks and the year are judged, once', async () => {
  const { db } = t.database
  const clock = fixedClock('2020-09-01T00:00:00Z')
  const deps = { db, clock }
  await seedDemo(db, clock)
  const [county] = await db.select().from(orgs).where(eq(orgs.name, '示范县人民医院'))
  const [person] = await db.insert(people).values({ tenantId: 'demo', name: '罗主任', title: 'associateSenior', licence: 'physician', employerOrgId: county!.id }).returning()
  await db.insert(identities).values({ tenantId: 'demo', platform: 'console', externalId: 'luo', personId: person!.id })
  const [posting] = await db
    .insert(postings)
    .values({ tenantId: 'demo', personId: person!.id, supportingOrgId: county!.id, receivingOrgId: county!.id, policyId: 'sichuan-2017', startsOn: '2020-10-01', endsOn: '2020-12-31' })
    .returning()
  const checkIn = async (day: string) => {
    clock.set(`${day}T01:00:00Z`)
    await handleMessage(deps, { platform: 'console', tenantId: 'demo', eventId: `in:${day}`, senderExternalId: 'luo', text: '签到' })
  }
  for (const day of ['2020-10-12', '2020-10-13', '2020-10-14', '2020-10-15']) await checkIn(day) // October: four days, no whole week
  for (const day of ['2020-11-09', '2020-11-10', '2020-11-11', '2020-11-12', '2020-11-13']) await checkIn(day) // November: Mon–Fri
  await checkIn('2020-11-13') // a replayed check-in changes nothing

  clock.set('2020-12-01T01:00:00Z')
  await runDueJobs(deps, { only: 'duty-review-month' })
  const shortfalls = await db.select().from(outbox).where(like(outbox.idempotencyKey, `shortfall:${posting!.id}:%:${person!.id}`))
  expect(shortfalls.map((r) => r.idempotencyKey.split(':')[2])).toEqual(['2020-10-01'])
  expect(textOf(shortfalls[0]!)).toContain('2020-10 月到岗 0/1 周')
  expect(textOf(shortfalls[0]!)).toContain('原则上每月不少于1周，累计驻点工作时间不少于12周')

  // The day after the last day: two weeks of twelve, three months of a year — to the doctor and, short, the office.
  clock.set('2021-01-01T02:00:00Z')
  await runDueJobs(deps, { only: 'posting-end' })
  await runDueJobs(deps, { only: 'posting-end' })
  const ends = await db.select().from(outbox).where(like(outbox.idempotencyKey, `posting-end:${posting!.id}:%`))
  const toDoctor = ends.filter((r) => r.idempotencyKey.endsWith(`:${person!.id}`))
  expect(toDoctor).toHaveLength(1)
  expect(ends.length).toBeGreaterThan(1)
  const text = textOf(toDoctor[0]!)
  expect(text).toContain('罗主任（示范县人民医院 派驻 示范县人民医院，2020-10-01 至 2020-12-31）派驻期满')
  expect(text).toContain('累计驻点 1/12 周')
  expect(text).toContain('未达到（依据：')
  expect(text).toContain('最短派驻期限：1年，未达到')
  expect(text).toContain('副高及以上职称支援人员：支援时间为1年')
})
