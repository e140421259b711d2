import { and, eq, like } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { attendanceDays, identities, orgs, outbox, people, postings, unverifiedDays } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { runDueJobs } from '../src/jobs/run-jobs'
import { handleMessage } from '../src/usecases/handle-message'
import { setTenantSettings, tenantSettings } from '../db/repositories/verifications'
import { measureDuty } from '../src/usecases/attendance/measure-duty'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

// 2026-09-25 (中秋) is a holiday: the week of 09-21 has four workdays; 10-01..10-07 leave the week of 09-28 three.
test('Yantai village 派驻 “每周不少于 5 日，每日不少于半天” is judged per week on its workdays; a day needs a 签退 4 hours after 签到', async () => {
  const { db } = t.database
  const clock = fixedClock('2026-09-01T00:00:00Z')
  const deps = { db, clock }
  await seedDemo(db, clock)
  const [county] = await db.select().from(orgs).where(eq(orgs.name, '示范县人民医院'))
  const [village] = await db.insert(orgs).values({ tenantId: 'demo', name: '东村卫生室', level: 'village', kind: 'general', parentId: county!.parentId }).returning()
  const [person] = await db.insert(people).values({ tenantId: 'demo', name: '孙医生', title: 'intermediate', licence: 'physician', employerOrgId: county!.id }).returning()
  await db.insert(identities).values({ tenantId: 'demo', platform: 'console', externalId: 'sun', personId: person!.id })
  const [posting] = await db
    .insert(postings)
    .values({ tenantId: 'demo', personId: person!.id, supportingOrgId: county!.id, receivingOrgId: village!.id, policyId: 'yantai-2024', mode: 'resident', startsOn: '2026-09-01', endsOn: '2027-02-28' })
    .returning()
  const say = async (at: string, text: string) => {
    clock.set(at)
    return handleMessage(deps, { platform: 'console', tenantId: 'demo', eventId: `${text}:${at}`, senderExternalId: 'sun', text })
  }
  const fullDay = async (day: string) => {
    await say(`${day}T01:00:00Z`, '签到') // 09:00
    await say(`${day}T06:00:00Z`, '签退') // 14:00, five hours later
  }
  for (const day of ['2026-09-14', '2026-09-15', '2026-09-16', '2026-09-17']) await fullDay(day) // 4 of 5 workdays
  for (const day of ['2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24']) await fullDay(day) // 4 of 4 workdays
  for (const day of ['2026-09-28', '2026-09-29']) await fullDay(day) // 2 of 3 workdays
  for (const day of ['2026-10-12', '2026-10-13', '2026-10-14']) await fullDay(day)
  await say('2026-10-15T01:00:00Z', '签到')
  await say('2026-10-15T03:00:00Z', '签退') // two hours: not half a day
  await say('2026-10-16T01:00:00Z', '签到') // no 签退 that day

  // The evening reminder: once, to the doctor who checked in and has not checked out, however often the job ticks.
  clock.set('2026-10-16T09:59:00Z')
  await runDueJobs(deps, { only: 'checkout-reminder' })
  expect(await db.select().from(outbox).where(like(outbox.idempotencyKey, `checkout-reminder:${posting!.id}:%`))).toHaveLength(0)
  for (const at of ['2026-10-16T10:00:00Z', '2026-10-16T11:30:00Z']) {
    clock.set(at)
    await runDueJobs(deps, { only: 'checkout-reminder' })
  }
  const reminders = await db.select().from(outbox).where(like(outbox.idempotencyKey, `checkout-reminder:${posting!.id}:%`))
  expect(reminders.map((r) => r.idempotencyKey)).toEqual([`checkout-reminder:${posting!.id}:2026-10-16`])
  const reminder = (reminders[0]!.message as { reply: { text: string } }).reply.text
  expect(reminder).toContain('孙医生医生，今天（10-16）已签到，还没有签退')
  expect(reminder).toContain('“半天”按签到后至少 4 小时签退计（本部署的理解，非政策原文）')

  // 我的 counts the week as the review will: 10-15 (two hours) not, today (checked in, not over) yes.
  const me = await say('2026-10-16T10:05:00Z', '我的')
  expect(me.text).toContain('本周已到岗 4/5 天。“半天”按签到后至少 4 小时签退计（本部署的理解，非政策原文）。')

  clock.set('2026-10-19T01:00:00Z')
  await runDueJobs(deps, { only: 'attendance-sweep' })
  // A missed day on a weekly pattern is not 待核实: the week is judged as a whole.
  expect(await db.select().from(unverifiedDays).where(eq(unverifiedDays.postingId, posting!.id))).toHaveLength(0)
  await runDueJobs(deps, { only: 'duty-review-week' })
  await runDueJobs(deps, { only: 'duty-review-week' })

  const shortfalls = async () =>
    (await db.select().from(outbox).where(and(like(outbox.idempotencyKey, `shortfall:${posting!.id}:%:${person!.id}`)))).map((r) => ({
      week: r.idempotencyKey.split(':')[2],
      text: (r.message as { reply: { text: string } }).reply.text,
    }))
  const told = await shortfalls()
  const week = (monday: string) => told.find((n) => n.week === monday)?.text
  expect(week('2026-09-14')).toContain('2026-09-14 至 2026-09-20 这一周到岗 4/5 天')
  expect(week('2026-09-14')).toContain('依据：烟卫〔2024〕17号 附件3 二(三)：“派驻人员原则上每周工作时间不少于 5 日，每日不少于半天')
  expect(week('2026-09-14')).not.toContain('法定节假日所在周')
  expect(week('2026-09-21')).toBeUndefined() // four workdays, four days on site: met
  expect(week('2026-09-28')).toContain('这一周到岗 2/3 天')
  expect(week('2026-09-28')).toContain('法定节假日所在周按该周工作日数计（本部署的理解，非政策原文）')
  // 10-15 (two hours) and 10-16 (no 签退) do not count.
  expect(week('2026-10-12')).toContain('这一周到岗 3/5 天')
  expect(week('2026-10-12')).toContain('“半天”按签到后至少 4 小时签退计')
  const days = await db.select().from(attendanceDays).where(and(eq(attendanceDays.postingId, posting!.id), eq(attendanceDays.day, '2026-10-16')))
  expect(days[0]!.checkOutAt).toBeNull()

  // Re-running the sweep, the review and the reminder, or replaying a message, changes nothing.
  const before = (await db.select().from(outbox)).length
  await say('2026-10-15T03:00:00Z', '签退')
  await runDueJobs(deps, { only: 'attendance-sweep' })
  clock.set('2026-10-20T01:00:00Z')
  await runDueJobs(deps, { only: 'duty-review-week' })
  await runDueJobs(deps, { only: 'checkout-reminder' })
  expect(await shortfalls()).toEqual(told)
  expect((await db.select().from(outbox)).length).toBe(before)

  // The half day is the tenant's setting: at 2 hours, 10-15 (09:00–11:00) counts and the week reads 4/5.
  await setTenantSettings(db, 'demo', { halfDayHours: 2 })
  const pattern = { kind: 'daysPerWeek', minDays: 5, minHalfDaysPerDay: 1 } as const
  const measured = await measureDuty(db, { tenantId: 'demo', from: '2026-10-12', to: '2026-10-18' }, posting!.id, pattern, (await tenantSettings(db, 'demo')).halfDayHours)
  expect(measured).toMatchObject({ achieved: 4, required: 5, readings: ['“半天”按签到后至少 2 小时签退计（本部署的理解，非政策原文）。'] })
})
