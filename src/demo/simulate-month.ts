import { randomUUID } from 'node:crypto'
import { desc } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { postingsRunningOn } from '../../db/repositories/absences'
import { findPersonName } from '../../db/repositories/people'
import { holdersOf } from '../../db/repositories/roles'
import { leaveRequests } from '../../db/schema'
import { fixedClock } from '../domain/clock'
import { runDueJobs } from '../jobs/run-jobs'
import { calendarDay } from '../time/calendar'
import { addDays, eachDay, lastDayOf, nextMonth } from '../time/days'
import { handleMessage } from '../usecases/handle-message'
import { dutyOf } from '../usecases/attendance/duty'
import { DEMO_PEOPLE, DEMO_TENANT, seedDemo } from './seed'
import { random } from './random'

/** The demo's posted doctors. */
const DOCTORS = [{ handle: 'zhangwei' }, { handle: 'wangfang' }, { handle: 'liuyang' }] as const

/** When the clock stops each day to run the jobs: after midnight (the sweep), 09:00 (reports), 09:30 (nudges)… */
const JOB_TIMES = ['00:10', '09:05', '09:35', '13:00', '18:00'] as const

const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`)
const md = (day: string) => day.slice(5)

export interface SimulationPlan {
  month: string
  workdays: string[]
  leave: { handle: string; days: string[] } | null
  correction: { handle: string; day: string; requestedOn: string } | null
}

/**
 * Walks the demo deployment through `month` on `db` (seeded as of the day before): doctors check in on most workdays
 * (a few late, after the nudge; a few not at all), one asks for two days' leave and one makes up a missed check-in
 * (补卡), the approver approves both, the county hospital files its monthly report, and the jobs run through the day.
 */
export async function simulateMonth(db: Db, options: { month: string; seed: number }): Promise<SimulationPlan> {
  const first = `${options.month}-01`
  const days = eachDay(first, lastDayOf(options.month))
  // Deployed the day before the month: that day is judged too, so the doctors already check in on it.
  const walk = [addDays(first, -1), ...days]
  const clock = fixedClock(at(walk[0]!, '07:30'))
  const deps = { db, clock }
  await seedDemo(db, clock, { chatAccounts: false })
  const say = (user: string, text: string) => handleMessage(deps, { platform: 'console', tenantId: DEMO_TENANT, eventId: randomUUID(), senderExternalId: user, text })
  const approveLatest = async (approver: string) => {
    const [latest] = await db.select({ number: leaveRequests.number }).from(leaveRequests).orderBy(desc(leaveRequests.number)).limit(1)
    if (latest) await say(approver, `批准 ${latest.number}`)
  }

  const judged = await judgedDoctor(db, first)
  const rand = random(options.seed)
  // The simulation knows the public calendar the way people do; the app decides from its own.
  const workdays = days.filter((d) => calendarDay(d, new Map(), false).status === 'workday')
  const working = new Set([...workdays, ...walk.slice(0, 1).filter((d) => calendarDay(d, new Map(), false).status === 'workday')])
  const pick = (from: string[]) => from[Math.floor(rand() * from.length)]!
  // The doctor whose posting the month's rules judge (Yantai in 2024–2026, Henan in 2015–2020): two days' leave
  // mid-month, and three missed mornings — the first made up by a 补卡 two days later, the other two left as they are.
  const middle = workdays.slice(6, -6)
  const leaveStart = middle.length > 1 ? pick(middle.slice(0, -1)) : undefined
  const leave = leaveStart ? { handle: judged.handle, days: workdays.slice(workdays.indexOf(leaveStart), workdays.indexOf(leaveStart) + 2) } : null
  const missable = workdays.slice(1, -3).filter((d) => !leave?.days.includes(d))
  const misses = new Set<string>()
  while (misses.size < Math.min(3, missable.length)) misses.add(pick(missable))
  const firstMiss = [...misses].sort()[0]
  const correction = firstMiss ? { handle: judged.handle, day: firstMiss, requestedOn: addDays(firstMiss, 2) } : null

  for (const day of walk) {
    const workday = working.has(day)
    const arrivals: { time: string; handle: string }[] = []
    for (const doctor of DOCTORS) {
      if (!workday || (leave?.handle === doctor.handle && leave.days.includes(day))) continue
      const planned = doctor.handle === judged.handle
      if (planned && misses.has(day)) continue
      const r = rand()
      // Most arrive by 09:20; some after the 09:30 nudge; now and then someone does not come at all.
      if (r < 0.8) arrivals.push({ time: `08:${String(Math.floor(rand() * 50) + 10).padStart(2, '0')}`, handle: doctor.handle })
      else if (planned || r < 0.93) arrivals.push({ time: `10:${String(Math.floor(rand() * 50) + 10).padStart(2, '0')}`, handle: doctor.handle })
    }
    const moments = [
      ...JOB_TIMES.map((time) => ({ time, act: () => runDueJobs(deps).then(() => undefined) })),
      ...arrivals.map((a) => ({ time: a.time, act: () => say(a.handle, '签到').then(() => undefined) })),
    ]
    if (leave && day === addDays(leave.days[0]!, -3)) {
      moments.push({ time: '16:00', act: async () => {
        await say(leave.handle, `请假 ${md(leave.days[0]!)} 至 ${md(leave.days.at(-1)!)} 回原单位参加业务培训`)
        await approveLatest(judged.approver)
      } })
    }
    if (correction && day === correction.requestedOn) {
      const c = correction
      moments.push({ time: '11:00', act: async () => {
        await say(c.handle, `补卡 ${md(c.day)} 下村巡诊，忘记签到`)
        await approveLatest(judged.approver)
      } })
    }
    if (day === `${options.month}-23`) moments.push({ time: '15:00', act: () => say('zhaoyuanzhang', '月报 门诊=18 查房=8 讲座=2 听课人数=45 手术=3 亮点=开展首例腹腔镜胆囊切除术').then(() => undefined) })
    for (const m of moments.sort((a, b) => a.time.localeCompare(b.time))) {
      clock.set(at(day, m.time))
      await m.act()
    }
  }
  // The last day is judged after midnight; the overdue notice of a month ends on the 26th, inside it.
  clock.set(at(`${nextMonth(options.month)}-01`, '00:10'))
  await runDueJobs(deps, { only: 'attendance-sweep' })
  return { month: options.month, workdays, leave, correction }
}

/** The first demo doctor whose policy asks for every workday on `day`, and the approver of their receiving org. */
async function judgedDoctor(db: Db, day: string): Promise<{ handle: string; approver: string }> {
  const postings = await postingsRunningOn(db, DEMO_TENANT, day)
  const posting = postings.find((p) => {
    const duty = dutyOf(p, day)
    return duty.known && duty.daily
  }) ?? postings.find((p) => p.personName === '刘洋')!
  const [approverId] = await holdersOf(db, DEMO_TENANT, 'approver', posting.receivingOrgId)
  const approverName = approverId ? await findPersonName(db, approverId) : null
  const handleOf = (name: string | null) => DEMO_PEOPLE.find((p) => p.name === name)?.handle
  return { handle: handleOf(posting.personName)!, approver: handleOf(approverName) ?? 'qianyuanzhang' }
}

