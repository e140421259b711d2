import { randomUUID } from 'node:crypto'
import { and, eq, like } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { absences, attendanceDays, escalations, jobRuns, outbox, people, postings } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { runDueJobs } from '../src/jobs/run-jobs'
import { eachDay } from '../src/time/days'
import { handleMessage } from '../src/usecases/handle-message'
import { useTestDatabase } from './support/database'

/** 08:05 in Beijing on `day`, as UTC. */
const morning = (day: string) => new Date(`${day}T00:05:00Z`)
/** 00:30 in Beijing the day after `day`: the sweep for `day` is due. */
const afterMidnight = (day: string) => new Date(Date.parse(`${day}T16:30:00Z`))

function simulation(db: Parameters<typeof handleMessage>[0]['db'], start: string) {
  const clock = fixedClock(start)
  const deps = { db, clock }
  const say = (user: string, text: string) =>
    handleMessage(deps, { platform: 'console', tenantId: 'demo', eventId: randomUUID(), senderExternalId: user, text })
  return { clock, deps, say }
}

async function noticesTo(db: Parameters<typeof handleMessage>[0]['db'], name: string, keyLike: string) {
  const [person] = await db.select().from(people).where(eq(people.name, name))
  // Notice keys end with the person they are for, whatever platform carries them.
  const rows = await db.select().from(outbox).where(and(like(outbox.idempotencyKey, keyLike), like(outbox.idempotencyKey, `%:${person!.id}`)))
  return rows.map((r) => (r.message as { reply: { title: string; text: string } }).reply)
}

describe('a month of Yantai attendance (2026-10): holidays, a 调休 Saturday, leave, 补卡, two findings', () => {
  const t = useTestDatabase()

  test('the record and the notices a careful clerk would produce', async () => {
    const { db } = t.database
    const sim = simulation(db, '2026-09-25T00:00:00Z')
    await seedDemo(db, sim.clock)
    const absent = new Set(['2026-10-12', '2026-10-13', '2026-10-26'])
    for (const day of eachDay('2026-09-25', '2026-10-31')) {
      sim.clock.set(morning(day))
      if (day === '2026-10-16') {
        await sim.say('liuyang', '请假 10-20 至 10-21 回县医院进修')
        await sim.say('qianyuanzhang', `批准 ${await latestNumber(db)}`)
      }
      if (day === '2026-10-15') {
        await sim.say('liuyang', '补卡 10-13 在村卫生室义诊忘记签到')
        await sim.say('qianyuanzhang', `批准 ${await latestNumber(db)}`)
      }
      const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())
      // The State Council's 2026 schedule: 国庆 10-01…10-07 off, Saturday 10-10 a 调休 workday.
      const holiday = day >= '2026-10-01' && day <= '2026-10-07'
      if ((!weekend || day === '2026-10-10') && !holiday && !absent.has(day) && !['2026-10-20', '2026-10-21'].includes(day)) await sim.say('liuyang', '签到')
      sim.clock.set(afterMidnight(day))
      await runDueJobs(sim.deps, { only: 'attendance-sweep' })
    }

    const [posting] = await db.select().from(postings).where(eq(postings.policyId, 'yantai-2024'))
    const recorded = await db.select().from(absences).where(eq(absences.postingId, posting!.id))
    // 10-13 was 待核实 until the 补卡 two workdays later: never a finding. 10-12 and 10-26 were explained by nobody.
    expect(recorded.map((a) => [a.day, a.status]).sort()).toEqual([
      ['2026-10-12', 'unexcused'],
      ['2026-10-26', 'unexcused'],
    ])
    expect(posting!.assessment).toBe('failed')
    const days = new Map((await db.select().from(attendanceDays).where(eq(attendanceDays.postingId, posting!.id))).map((d) => [d.day, d.status]))
    expect(days.get('2026-10-03')).toBe('notRequired')
    expect(days.get('2026-10-10')).toBe('present')
    expect(days.get('2026-10-12')).toBe('unexcused')
    expect(days.get('2026-10-13')).toBe('excused')
    expect(days.get('2026-10-20')).toBe('excused')
    expect(days.get('2026-09-24')).toBeUndefined()

    const byDay = new Map(recorded.map((a) => [a.day, a.id]))
    const ladder = new Map((await db.select().from(escalations).where(eq(escalations.postingId, posting!.id))).map((e) => [e.absenceId, e]))
    // 10-12: finding 1, Yantai has no step for it: only the doctor hears.
    expect(ladder.get(byDay.get('2026-10-12')!)!.notifiedPersonIds).toHaveLength(1)
    // 10-26: finding 2 fails the assessment and is told to the directors and the office.
    expect(ladder.get(byDay.get('2026-10-26')!)!.actions).toEqual(['assessmentFailed'])
    for (const name of ['赵院长', '钱院长', '孙主任']) {
      const told = await noticesTo(db, name, `absence:${byDay.get('2026-10-26')}:%`)
      expect(told).toHaveLength(1)
      expect(told[0]!.title).toBe('脱岗通报（考核不合格）')
      expect(told[0]!.text).toContain('本次派驻发现 2 次')
      expect(told[0]!.text).toContain('烟卫〔2024〕17号 附件3 四(三)：“对于无正当理由脱岗 2 次（含）以上的派驻人员其考核结果认定为不合格”')
      expect(await noticesTo(db, name, 'absence:%withdrawn%')).toEqual([])
    }
    const doctor = await noticesTo(db, '刘洋', 'absence:%')
    expect(doctor.filter((n) => n.title === '脱岗记录')).toHaveLength(2)

    // Re-running every day again changes nothing and tells nobody twice.
    const before = (await db.select().from(outbox)).length
    await db.delete(jobRuns)
    sim.clock.set(afterMidnight('2026-10-31'))
    await runDueJobs(sim.deps, { only: 'attendance-sweep' })
    expect((await db.select().from(outbox)).length).toBe(before)
  })
})

async function latestNumber(db: Parameters<typeof handleMessage>[0]['db']) {
  const { leaveRequests } = await import('../db/schema')
  const rows = await db.select({ number: leaveRequests.number }).from(leaveRequests)
  return Math.max(...rows.map((r) => r.number))
}
