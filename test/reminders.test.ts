import { randomUUID } from 'node:crypto'
import { and, eq, like } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import type { Db } from '../db/client'
import { jobRuns, leaveRequests, outbox, people } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { runDueJobs } from '../src/jobs/run-jobs'
import { eachDay } from '../src/time/days'
import { handleMessage } from '../src/usecases/handle-message'
import { deadlinePeriods, nudgePeriods, reportPeriods } from '../src/usecases/reminders/schedule'
import { useTestDatabase } from './support/database'

/** `HH:MM` in Beijing on `day`, as an instant. */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`)

function simulation(db: Db, start: Date) {
  const clock = fixedClock(start)
  const deps = { db, clock }
  const say = (user: string, text: string) => handleMessage(deps, { platform: 'console', tenantId: 'demo', eventId: randomUUID(), senderExternalId: user, text })
  return { clock, deps, say }
}

type Notice = { key: string; title: string; text: string }

/** Notices whose key matches `keyLike`, for the person named `name` (keys end with the person, or name the posting). */
async function noticesFor(db: Db, name: string, keyLike: string): Promise<Notice[]> {
  const [person] = await db.select().from(people).where(eq(people.name, name))
  const rows = await db.select().from(outbox).where(and(like(outbox.idempotencyKey, keyLike), like(outbox.recipient, `%${person!.id}`)))
  return rows.map((r) => ({ key: r.idempotencyKey, ...(r.message as { reply: { title: string; text: string } }).reply }))
}

async function latestLeaveNumber(db: Db) {
  return Math.max(...(await db.select({ n: leaveRequests.number }).from(leaveRequests)).map((r) => r.n))
}

describe('checkin-nudge (Henan 2016: 国庆 10-01…10-07 off, Saturday 10-08 and Sunday 10-09 调休 workdays)', () => {
  const t = useTestDatabase()

  test('only doctors on duty, on a workday, not checked in and not on leave are nudged — once', async () => {
    const { db } = t.database
    const sim = simulation(db, at('2016-09-28', '08:00'))
    await seedDemo(db, sim.clock, { chatAccounts: false })
    for (const day of eachDay('2016-09-29', '2016-10-11')) {
      sim.clock.set(at(day, '08:20'))
      if (day === '2016-09-29') {
        await sim.say('wangfang', '请假 10-09 至 10-10 回院参加职称考试')
        await sim.say('qianyuanzhang', `批准 ${await latestLeaveNumber(db)}`)
      }
      // 张伟 checks in every day except 10-10 (the sweep's concern; the nudge only cares about the morning).
      if (day !== '2016-10-10') await sim.say('zhangwei', '签到')
      sim.clock.set(at(day, '09:10'))
      expect(await runDueJobs(sim.deps, { only: 'checkin-nudge' }).then((r) => r.filter((x) => x.period === day))).toEqual([])
      sim.clock.set(at(day, '09:31'))
      await runDueJobs(sim.deps, { only: 'checkin-nudge' })
      sim.clock.set(at(day, '11:00'))
      await runDueJobs(sim.deps, { only: 'checkin-nudge' })
    }
    const days = async (name: string) => (await noticesFor(db, name, 'nudge:%')).map((n) => n.key.slice(-10)).sort()
    // 王芳 never checks in: every workday, the 调休 Saturday included, except the holiday week and her approved leave.
    expect(await days('王芳')).toEqual(['2016-09-29', '2016-09-30', '2016-10-08', '2016-10-11'])
    expect(await days('张伟')).toEqual(['2016-10-10'])
    // 刘洋's Yantai policy starts in 2024: no duty to nag about in 2016; directors and the office are not doctors.
    for (const name of ['刘洋', '钱院长', '孙主任']) expect(await days(name)).toEqual([])
    const [nudge] = await noticesFor(db, '张伟', 'nudge:%')
    expect(nudge!.text).toBe('张伟医生，早上好，今天（10-10）还没有签到。到岗后请发送“签到”；如今天请假，请发送“请假 10-10 事由”。')

    // Forgetting every run and running again re-claims the days but queues nothing new.
    const before = (await db.select().from(outbox)).length
    await db.delete(jobRuns)
    await runDueJobs(sim.deps, { only: 'checkin-nudge' })
    expect((await db.select().from(outbox)).length).toBe(before)
  })
})

describe('checkin-nudge: what the doctor told us that morning', () => {
  const t = useTestDatabase()

  test('leave asked for today (not yet decided) and an approved 补卡 for today each spare a doctor the nudge', async () => {
    const { db } = t.database
    const day = '2016-10-11'
    const sim = simulation(db, at(day, '08:10'))
    await seedDemo(db, sim.clock, { chatAccounts: false })
    await sim.say('wangfang', '请假 10-11 家中有事')
    await sim.say('zhangwei', '补卡 10-11 一早在乡镇巡诊')
    await sim.say('zhaoyuanzhang', `批准 ${await latestLeaveNumber(db)}`)
    sim.clock.set(at(day, '09:31'))
    await runDueJobs(sim.deps, { only: 'checkin-nudge' })
    for (const name of ['王芳', '张伟']) expect(await noticesFor(db, name, 'nudge:%')).toEqual([])
    // Without them both would have been nudged: the next workday, nothing spares them.
    sim.clock.set(at('2016-10-12', '09:31'))
    await runDueJobs(sim.deps, { only: 'checkin-nudge' })
    for (const name of ['王芳', '张伟']) expect((await noticesFor(db, name, 'nudge:%')).map((n) => n.key.slice(-10))).toEqual(['2016-10-12'])
  })
})

describe('report-reminder: the 25th cycle (2016-11)', () => {
  const t = useTestDatabase()

  test('3 days before and on the day to the org’s people; the overdue list to the office only for orgs missing', async () => {
    const { db } = t.database
    const sim = simulation(db, at('2016-11-01', '08:00'))
    await seedDemo(db, sim.clock, { chatAccounts: false })
    const ran: string[] = []
    for (const day of eachDay('2016-11-01', '2016-11-27')) {
      if (day === '2016-11-23') {
        sim.clock.set(at(day, '15:00'))
        await sim.say('zhaoyuanzhang', '月报 门诊=12 查房=8 亮点=开展首例腹腔镜手术')
      }
      for (const time of ['08:59', '09:05', '18:00']) {
        sim.clock.set(at(day, time))
        ran.push(...(await runDueJobs(sim.deps, { only: 'report-reminder' })).map((r) => `${day} ${time} ${r.period}`))
      }
    }
    expect(ran).toEqual(['2016-11-22 09:05 2016-11:before', '2016-11-25 09:05 2016-11:due', '2016-11-26 09:05 2016-11:overdue'])

    const titles = async (name: string) => (await noticesFor(db, name, 'report:%')).map((n) => n.key.split(':').slice(1, 3).join(':')).sort()
    // The county hospital submitted on the 23rd: its people hear 3 days before, not on the day.
    expect(await titles('张伟')).toEqual(['2016-11:before'])
    expect(await titles('赵院长')).toEqual(['2016-11:before'])
    // The township health centre never did.
    for (const name of ['王芳', '刘洋', '钱院长']) expect(await titles(name)).toEqual(['2016-11:before', '2016-11:due'])
    expect(await titles('孙主任')).toEqual(['2016-11:overdue'])
    expect(await titles('李院长')).toEqual([])

    const [before] = await noticesFor(db, '王芳', 'report:2016-11:before:%')
    expect(before!.text).toContain('示范县城关镇卫生院 2016-11 项目开展情况月报将于 2016-11-25 截止（还有 3 天）')
    // 附件9's 25th binds 红会送医 teams; for a resident posting the 25th is this deployment's day and is said so.
    expect(before!.text).toContain('报送日：每月 25 日为本系统对各受援单位统一的月报报送日（本部署的规定，非政策原文）')
    expect(before!.text).not.toContain('附件9')
    const [today] = await noticesFor(db, '钱院长', 'report:2016-11:due:%')
    expect(today!.title).toBe('月报今天截止')
    const [overdue] = await noticesFor(db, '孙主任', 'report:%')
    expect(overdue!.title).toBe('月报逾期未报')
    expect(overdue!.text).toContain('示范县城关镇卫生院')
    expect(overdue!.text).not.toContain('示范县人民医院')
  })
})

describe('report-reminder: the legal basis of the 25th', () => {
  const t = useTestDatabase()

  test('only a 红会送医 team (豫卫发〔2015〕2号 附件9) is told the 25th with 附件9 三(四)', async () => {
    const { db } = t.database
    const sim = simulation(db, at('2016-11-01', '08:00'))
    await seedDemo(db, sim.clock, { chatAccounts: false })
    const { people, postings } = await import('../db/schema')
    const { eq } = await import('drizzle-orm')
    const [wang] = await db.select().from(people).where(eq(people.name, '王芳'))
    await db.update(postings).set({ mode: 'redCrossVolunteer' }).where(eq(postings.personId, wang!.id))
    sim.clock.set(at('2016-11-22', '09:05'))
    await runDueJobs(sim.deps, { only: 'report-reminder' })
    const [township] = await noticesFor(db, '王芳', 'report:2016-11:before:%')
    expect(township!.text).toContain('依据：豫卫发〔2015〕2号 附件9 三(四)：“实行每月的25日报送项目开展情况制度”')
    const [county] = await noticesFor(db, '张伟', 'report:2016-11:before:%')
    expect(county!.text).toContain('本部署的规定，非政策原文')
  })
})

describe('deadline-reminder: dated deadlines from the policy calendar', () => {
  const t = useTestDatabase()

  test('the schedule lists dated deadlines 7 days ahead, never the monthly report, never a passed one', () => {
    // Every pack's deadlines (Henan's and Zhejiang's year-end ones here); the run keeps the tenant's policies.
    expect(deadlinePeriods(null, '2016-01-01', '2016-12-24', '09:00')).toEqual([
      'graduateFiling:2016-12-31',
      'provinceEvaluation:2016-12-31',
      'reformSummary:2016-12-31',
      'selfAssessment:2016-12-31',
      'supportAssessment:2016-12-31',
    ])
    expect(deadlinePeriods(null, '2016-01-01', '2016-12-24', '08:59')).toEqual([])
    expect(deadlinePeriods(null, '2016-12-25', '2016-12-25', '09:00')).toEqual([])
    expect(deadlinePeriods(null, '2026-01-01', '2026-12-13', '10:00')).toEqual(['yearSummary:2026-12-20'])
    expect(deadlinePeriods(null, '2026-01-01', '2026-12-21', '10:00')).toEqual([])
  })

  test('a pack past its end has deadlines again only through the tenant’s successor document', () => {
    const successor = { policy: 'yantai-2024' as const, document: '烟卫〔2027〕3号', title: '继续实施', issuedOn: null, from: '2027-01-01', until: null, clause: '一', quote: '继续实施' }
    expect(deadlinePeriods(null, '2026-01-01', '2027-12-13', '10:00')).toEqual([])
    expect(deadlinePeriods(null, '2026-01-01', '2027-12-13', '10:00', [successor])).toEqual(['yearSummary:2027-12-20'])
  })

  test('Yantai’s 12-20 year summary: the office hears on 12-13, with the clause', async () => {
    const { db } = t.database
    const sim = simulation(db, at('2026-11-20', '08:00'))
    await seedDemo(db, sim.clock, { chatAccounts: false })
    sim.clock.set(at('2026-12-12', '12:00'))
    await runDueJobs(sim.deps, { only: 'deadline-reminder' })
    expect(await noticesFor(db, '孙主任', 'deadline:%')).toEqual([])
    sim.clock.set(at('2026-12-13', '09:01'))
    const reports = await runDueJobs(sim.deps, { only: 'deadline-reminder' })
    expect(reports.map((r) => [r.period, r.result])).toEqual([['yearSummary:2026-12-20', { period: 'yearSummary:2026-12-20', policies: ['yantai-2024'], notices: 1 }]])
    const [notice] = await noticesFor(db, '孙主任', 'deadline:%')
    expect(notice!.title).toBe('截止提醒：“千名医护进乡村”活动工作总结报送市卫生健康委')
    expect(notice!.text).toContain('截止日期：2026-12-20（还有 7 天）')
    expect(notice!.text).toMatch(/依据：烟卫〔2024〕17号 附件3 四\(三\)：“各区市卫健局及委直各医院于每年 12 月 20 日前将活动工作总结报送市卫生健康.*”/)
    // Henan's pack ended in 2020: its yearly deadlines are not announced for the Henan pairs in 2026.
    expect((await db.select().from(outbox).where(like(outbox.idempotencyKey, 'deadline:henan%'))).length).toBe(0)
    expect(await runDueJobs(sim.deps, { only: 'deadline-reminder' })).toEqual([])
  })
})

describe('catch-up after downtime', () => {
  const t = useTestDatabase()

  test('a two-day outage: each missed period runs once at the next start, never twice, never before deployment', async () => {
    const { db } = t.database
    const sim = simulation(db, at('2026-10-12', '10:00'))
    await seedDemo(db, sim.clock, { chatAccounts: false })
    await runDueJobs(sim.deps)
    // Down from 10-12 10:00 until 10-15 10:00.
    sim.clock.set(at('2026-10-15', '10:00'))
    await runDueJobs(sim.deps)
    sim.clock.set(at('2026-10-15', '10:01'))
    expect(await runDueJobs(sim.deps)).toEqual([])

    const runs = (await db.select().from(jobRuns)).map((r) => `${r.job} ${r.periodKey}`).sort()
    expect(runs).toEqual([
      'attendance-sweep 2026-10-12',
      'attendance-sweep 2026-10-13',
      'attendance-sweep 2026-10-14',
      'checkin-nudge 2026-10-12',
      'checkin-nudge 2026-10-13',
      'checkin-nudge 2026-10-14',
      'checkin-nudge 2026-10-15',
      // The cliff warning looks at today only: a missed day is not caught up.
      'cliff-warning 2026-10-12',
      'cliff-warning 2026-10-15',
      // A posting's end is looked at for each finished day, like the sweep.
      'posting-end 2026-10-12',
      'posting-end 2026-10-13',
      'posting-end 2026-10-14',
      'unverified-notice 2026-10-12',
      'unverified-notice 2026-10-13',
      'unverified-notice 2026-10-14',
      'unverified-notice 2026-10-15',
    ])
    // The missed mornings are recorded as run but nobody is told "today" about a day that is over.
    expect((await noticesFor(db, '刘洋', 'nudge:%')).map((n) => n.key.slice(-10)).sort()).toEqual(['2026-10-12', '2026-10-15'])
  })

  test('the report cycle catches up in order and drops the stale “3 days before” once the due date has come', () => {
    expect(reportPeriods(null, '2026-10-01', '2026-10-26', '09:00')).toEqual(['2026-10:before', '2026-10:due', '2026-10:overdue'])
    expect(reportPeriods('2026-10:before', '2026-10-01', '2026-10-26', '08:00')).toEqual(['2026-10:due'])
    expect(reportPeriods(null, '2026-10-24', '2026-11-30', '09:00')).toEqual(['2026-10:due', '2026-10:overdue', '2026-11:before', '2026-11:due', '2026-11:overdue'])
    expect(nudgePeriods('2026-10-12', '2026-10-01', '2026-10-15', '09:29')).toEqual(['2026-10-13', '2026-10-14'])
    expect(nudgePeriods(null, '2026-10-15', '2026-10-15', '09:30')).toEqual(['2026-10-15'])
  })
})
