import { randomUUID } from 'node:crypto'
import { eq, like } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { identities, jobRuns, orgs, outbox, people, postings } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { runDueJobs } from '../src/jobs/run-jobs'
import { handleMessage } from '../src/usecases/handle-message'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

test('weekly and monthly duties (Yantai roving ≥2 a week, "331" ≥3 a month) are judged once each period is over', async () => {
  const { db } = t.database
  const clock = fixedClock('2026-11-01T00:00:00Z')
  const deps = { db, clock }
  await seedDemo(db, clock)
  const [county] = await db.select().from(orgs).where(eq(orgs.name, '示范县人民医院'))
  const [village] = await db.insert(orgs).values({ tenantId: 'demo', name: '示范村卫生室', level: 'village', kind: 'general', parentId: county!.parentId }).returning()
  const doctor = async (name: string, handle: string, mode: string) => {
    const [person] = await db.insert(people).values({ tenantId: 'demo', name, title: 'intermediate', licence: 'physician', employerOrgId: county!.id }).returning()
    await db.insert(identities).values({ tenantId: 'demo', platform: 'console', externalId: handle, personId: person!.id })
    const [posting] = await db
      .insert(postings)
      .values({ tenantId: 'demo', personId: person!.id, supportingOrgId: county!.id, receivingOrgId: village!.id, policyId: 'yantai-2024', mode, startsOn: '2026-10-01', endsOn: '2027-09-30' })
      .returning()
    return posting!.id
  }
  const roving = await doctor('周医生', 'zhou', 'roving')
  const station = await doctor('吴医生', 'wu', 'workstation331')
  const checkIn = async (handle: string, day: string) => {
    clock.set(`${day}T01:00:00Z`)
    await handleMessage(deps, { platform: 'console', tenantId: 'demo', eventId: randomUUID(), senderExternalId: handle, text: '签到' })
    // "每次不少于半天": a visit counts with a 签退 the tenant's hours (default 4) after 签到.
    clock.set(`${day}T06:00:00Z`)
    await handleMessage(deps, { platform: 'console', tenantId: 'demo', eventId: randomUUID(), senderExternalId: handle, text: '签退' })
  }
  await checkIn('zhou', '2026-11-03') // week of 11-02: one visit of two
  await checkIn('zhou', '2026-11-10') // week of 11-09: two visits
  await checkIn('zhou', '2026-11-12')
  await checkIn('wu', '2026-11-05') // November: two days of three
  await checkIn('wu', '2026-11-19')

  clock.set('2026-12-01T01:00:00Z')
  await runDueJobs(deps, { only: 'duty-review-week' })
  await runDueJobs(deps, { only: 'duty-review-month' })
  await runDueJobs(deps, { only: 'duty-review-week' })

  const weeks = (await db.select().from(jobRuns).where(eq(jobRuns.job, 'duty-review-week'))).map((r) => r.periodKey).sort()
  expect(weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'])
  const notices = async (postingId: string) =>
    (await db.select().from(outbox).where(like(outbox.idempotencyKey, `shortfall:${postingId}:%`))).map((r) => ({
      key: r.idempotencyKey.split(':')[2],
      text: (r.message as { reply: { text: string } }).reply.text,
    }))
  const zhou = await notices(roving)
  // Week of 11-02 short (1/2); 11-09 met; 11-16 and 11-23 no visit at all (0/2); doctor and office told each time.
  expect([...new Set(zhou.map((n) => n.key))].sort()).toEqual(['2026-11-02', '2026-11-16', '2026-11-23'])
  expect(zhou.filter((n) => n.key === '2026-11-02')).toHaveLength(2)
  expect(zhou.find((n) => n.key === '2026-11-02')!.text).toContain('2026-11-02 至 2026-11-08 这一周到岗 1/2 次，未达到“每周不少于2次，每次不少于半天”')
  expect(zhou[0]!.text).toContain('依据：烟卫〔2024〕17号 附件3 二(三)：“每周巡诊不少于 2 次，每次不少于半天”')
  expect(zhou[0]!.text).toContain('“半天”按签到后至少 4 小时签退计（本部署的理解，非政策原文）')
  const wu = await notices(station)
  expect(wu[0]!.text).toContain('2026-11 月到岗 2/3 次')
  expect(wu[0]!.text).toContain('烟卫〔2024〕17号 附件3 二(一)')
})
