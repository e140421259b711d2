import { randomUUID } from 'node:crypto'
import { eq, like } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { absences, escalations, outbox, people, postings } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { runDueJobs } from '../src/jobs/run-jobs'
import { eachDay } from '../src/time/days'
import { calendarDay } from '../src/time/calendar'
import { handleMessage } from '../src/usecases/handle-message'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

test('Henan 2016: three forgotten days nobody explains become findings after the grace period and take the three steps of 附件8 四(四), each told to exactly the people it names', async () => {
  const { db } = t.database
  const clock = fixedClock('2016-09-25T00:00:00Z')
  const deps = { db, clock }
  await seedDemo(db, clock)
  const missed = new Set(['2016-10-11', '2016-10-18', '2016-10-25'])
  for (const day of eachDay('2016-09-25', '2016-10-31')) {
    clock.set(`${day}T00:10:00Z`)
    const workday = calendarDay(day, new Map(), false).status === 'workday'
    for (const user of ['zhangwei', 'wangfang']) {
      if (workday && !(user === 'zhangwei' && missed.has(day))) {
        await handleMessage(deps, { platform: 'console', tenantId: 'demo', eventId: randomUUID(), senderExternalId: user, text: '签到' })
      }
    }
    clock.set(`${day}T16:30:00Z`)
    await runDueJobs(deps, { only: 'attendance-sweep' })
  }

  const names = new Map((await db.select().from(people)).map((p) => [p.id, p.name]))
  const [posting] = await db.select().from(postings).innerJoin(people, eq(people.id, postings.personId)).where(eq(people.name, '张伟'))
  const recorded = await db.select().from(absences).where(eq(absences.postingId, posting!.postings.id))
  expect(recorded.map((a) => a.day).sort()).toEqual([...missed])
  const steps = (await db.select().from(escalations).where(eq(escalations.postingId, posting!.postings.id))).sort((a, b) => a.step - b.step)
  const told = (i: number) => steps[i]!.notifiedPersonIds.map((id) => names.get(id)).sort()
  expect(steps.map((s) => s.step)).toEqual([1, 2, 3])
  expect(told(0)).toEqual(['孙主任', '张伟'].sort())
  expect(told(1)).toEqual(['孙主任', '张伟', '李院长', '赵院长'].sort())
  expect(told(2)).toEqual(['孙主任', '张伟', '李院长', '赵院长'].sort())
  expect(steps[2]!.actions).toEqual(expect.arrayContaining(['assessmentFailed', 'loseAwardEligibility']))
  const [after] = await db.select().from(postings).where(eq(postings.id, posting!.postings.id))
  expect(after!.assessment).toBe('failed')

  const third = await db.select().from(outbox).where(like(outbox.idempotencyKey, `absence:${steps[2]!.absenceId}:%`))
  const toDirector = third.map((r) => (r.message as { reply: { text: string } }).reply.text).find((text) => text.startsWith('张伟（'))!
  expect(toDirector).toContain('本次派驻发现 3 次')
  expect(toDirector).toContain('认定：当天之后 3 个工作日内未说明')
  expect(toDirector).toContain('依据：豫卫发〔2015〕2号 附件8 四(四)：“发现 3 次，对派驻人员、受援医院院长、支援医院院长一并予以通报批评')

  // 王芳 checked in every workday: no absence. 刘洋's Yantai posting predates Yantai 2024: not judged, office told once.
  const others = await db.select().from(absences)
  expect(others.filter((a) => a.postingId !== posting!.postings.id)).toEqual([])
  const warnings = await db.select().from(outbox).where(like(outbox.idempotencyKey, 'policy-uncovered:%'))
  expect(warnings.map((w) => w.idempotencyKey)).toEqual([expect.stringMatching(/^policy-uncovered:demo:yantai-2024:2016:/)])
})
