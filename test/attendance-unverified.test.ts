import { randomUUID } from 'node:crypto'
import { and, eq, like } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { absences, attendanceDays, auditLog, escalations, jobRuns, leaveRequests, outbox, people, postings, unverifiedDays } from '../db/schema'
import { DEMO_PEOPLE, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import type { Reply } from '../src/domain/reply'
import { runDueJobs } from '../src/jobs/run-jobs'
import { renderWecomReply } from '../src/platforms/wecom/render'
import { eachDay } from '../src/time/days'
import { calendarDay } from '../src/time/calendar'
import { handleMessage } from '../src/usecases/handle-message'
import { useTestDatabase } from './support/database'

type Db = Parameters<typeof handleMessage>[0]['db']
const HANDLE_NAME = new Map(DEMO_PEOPLE.map((p) => [p.handle, p.name]))

/** Henan 2016 (豫卫发〔2015〕2号 is in force): 张伟 at the county hospital (赵院长 approves), 王芳 at the township (钱院长). */
describe('a forgotten check-in is 待核实 first (Henan, November 2016)', () => {
  const t = useTestDatabase()

  test('补卡, grace, confirmation, 不计 and 补假, each told only to whom it concerns; replays change nothing', async () => {
    const { db } = t.database
    const clock = fixedClock('2016-10-25T00:00:00Z')
    const deps = { db, clock }
    await seedDemo(db, clock)
    const events = new Map<string, ReturnType<typeof randomUUID>>()
    const say = async (user: string, text: string, eventId = randomUUID()) => {
      events.set(`${user}:${text}`, eventId)
      return handleMessage(deps, { platform: 'console', tenantId: 'demo', eventId, senderExternalId: user, text })
    }
    const forgotten = new Map([['zhangwei', ['2016-11-01', '2016-11-03', '2016-11-14']], ['wangfang', ['2016-11-10', '2016-11-16']]])
    const recipients = await recipientNames(db)
    const ids = { zhangwei: await postingOf(db, '张伟'), wangfang: await postingOf(db, '王芳') }
    const verification = async (postingId: string, day: string) =>
      (await db.select().from(unverifiedDays).where(and(eq(unverifiedDays.postingId, postingId), eq(unverifiedDays.day, day))))[0]!
    const findingsOf = async (postingId: string) => (await db.select().from(absences).where(eq(absences.postingId, postingId))).map((a) => [a.day, a.status])

    /** What happens on `day` at 10:00, after the morning's messages. */
    const midMorning: Record<string, () => Promise<void>> = {
      '2016-11-02': async () => {
        // The message the doctor got at 09:30, word for word, with buttons; the approver's digest with 确认脱岗 / 不计.
        const [toDoctor] = await repliesWhere(db, like(outbox.idempotencyKey, `unverified:${(await verification(ids.zhangwei, '2016-11-01')).id}:doctor:%`))
        expect(toDoctor!.text.split('\n')[0]).toBe('11-01 没有签到记录：如当天在岗请发送“补卡 11-01 事由”，如当天请假请发送“补假 11-01 事由”；3 个工作日内未说明的，将由受援单位核实是否按擅自脱岗处理')
        expect(toDoctor!.text).toContain('本系统的部署设置，非政策原文')
        expect(toDoctor!.actions!.map((a) => a.command)).toEqual(['补卡 11-01', '补假 11-01'])
        const card = renderWecomReply(toDoctor!, { taskId: 'task-1' })
        expect(JSON.stringify(card)).toContain('button_interaction')
        const number = (await verification(ids.zhangwei, '2016-11-01')).number
        const [digest] = await repliesWhere(db, like(outbox.idempotencyKey, 'unverified-digest:%:2016-11-02:%'))
        expect(digest!.text).toContain(`#${number} 张伟 2016-11-01`)
        expect(digest!.actions!.map((a) => a.command)).toEqual([`核实 ${number} 脱岗`, `核实 ${number} 不计`])

        // The button names the day and asks only for the reason; the typed line files the 补卡.
        expect((await say('zhangwei', '补卡 11-01')).form?.command).toBe('补卡 11-01 {reason}')
        await say('zhangwei', '补卡 11-01 在病房')
        await say('zhaoyuanzhang', `批准 ${await latestNumber(db)}`)
        expect((await verification(ids.zhangwei, '2016-11-01')).status).toBe('excused')
        // Nobody but the doctor and the approver heard of 11-01.
        const told = (await db.select().from(outbox)).filter((r) => !r.idempotencyKey.startsWith('policy-uncovered:'))
        expect([...new Set(told.map((r) => recipients(r.recipient)))].sort()).toEqual(['张伟', '赵院长'].sort())
      },
      '2016-11-08': async () => {
        // Two of the three workdays after 11-03 are over: still 待核实, still in the digest.
        expect((await verification(ids.zhangwei, '2016-11-03')).status).toBe('open')
        expect(await findingsOf(ids.zhangwei)).toEqual([])
        const [digest] = await repliesWhere(db, like(outbox.idempotencyKey, 'unverified-digest:%:2016-11-08:%'))
        expect(digest!.text).toContain('张伟 2016-11-03')
      },
      '2016-11-09': async () => {
        // 11-04, 11-07 and 11-08 passed: finding 1, told to the doctor and the office as 附件8 四(四) says.
        expect((await verification(ids.zhangwei, '2016-11-03')).status).toBe('finding')
        expect(await findingsOf(ids.zhangwei)).toEqual([['2016-11-03', 'unexcused']])
        const [step] = await db.select().from(escalations).where(eq(escalations.postingId, ids.zhangwei))
        const toOffice = await noticesOf(db, `absence:${step!.absenceId}:%`)
        expect(toOffice.map((n) => n.to).sort()).toEqual(['孙主任', '张伟'].sort())
        const office = toOffice.find((n) => n.to === '孙主任')!.reply
        expect(office.text).toContain('本次派驻发现 1 次')
        expect(office.text).toContain('该期限为本系统的部署设置，非政策原文')
        expect(office.text).toContain('依据：豫卫发〔2015〕2号 附件8 四(四)：“凡违反请销假等规定擅自脱岗者，发现 1 次')
      },
      '2016-11-11': async () => {
        // 钱院长 confirms 王芳's 11-10 on the first morning: a finding at once.
        const { number } = await verification(ids.wangfang, '2016-11-10')
        expect((await say('zhangwei', `核实 ${number} 脱岗`)).text).toContain('只有受援单位的审批人')
        expect((await say('qianyuanzhang', `核实 ${number} 脱岗`)).text).toContain('本次派驻发现 1 次')
        expect(await findingsOf(ids.wangfang)).toEqual([['2016-11-10', 'unexcused']])
        const [step] = await db.select().from(escalations).where(eq(escalations.postingId, ids.wangfang))
        const notices = await noticesOf(db, `absence:${step!.absenceId}:%`)
        expect(notices.find((n) => n.to === '孙主任')!.reply.text).toContain('认定：受援单位钱院长核实确认')
        expect((await say('qianyuanzhang', `核实 ${number} 不计 搞错了`)).text).toContain('已记为发现脱岗，未作更改')
      },
      '2016-11-15': async () => {
        // 不计 asks for a reason, then closes the day; the reason is in the audit log.
        const { number, id } = await verification(ids.zhangwei, '2016-11-14')
        expect((await say('zhaoyuanzhang', `核实 ${number} 不计`)).form?.command).toBe(`核实 ${number} 不计 {reason}`)
        expect((await say('zhaoyuanzhang', `核实 ${number} 不计 当天外出义诊`)).text).toContain('不计为脱岗')
        const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'unverified.notCounted')))
        expect((audit!.after as { reason: string }).reason).toBe('当天外出义诊')
        const [toDoctor] = await repliesWhere(db, like(outbox.idempotencyKey, `unverified:${id}:notCounted:%`))
        expect(toDoctor!.text).toContain('理由：当天外出义诊')
      },
      '2016-11-17': async () => {
        // 补假 for a sick day, decided like leave; a day past its grace period cannot be 补假'd.
        expect((await say('wangfang', '补假 11-10 发热')).text).toContain('3 个工作日内提交')
        expect((await say('wangfang', '补假 11-16 发热就医')).text).toContain('补假单')
        const number = await latestNumber(db)
        const [request] = await repliesWhere(db, like(outbox.idempotencyKey, `leave:%:request`), (r) => r.title === `补假审批 #${number}`)
        expect(request!.text).toContain('王芳 申请补假：2016-11-16')
        await say('qianyuanzhang', `批准 ${number}`)
        expect((await verification(ids.wangfang, '2016-11-16')).status).toBe('excused')
      },
    }

    for (const day of eachDay('2016-10-25', '2016-11-25')) {
      clock.set(`${day}T00:05:00Z`)
      const workday = calendarDay(day, new Map(), false).status === 'workday'
      for (const user of ['zhangwei', 'wangfang'] as const) if (workday && !forgotten.get(user)!.includes(day)) await say(user, '签到')
      clock.set(`${day}T01:35:00Z`)
      await runDueJobs(deps, { only: 'unverified-notice' })
      clock.set(`${day}T02:00:00Z`)
      await midMorning[day]?.()
      clock.set(`${day}T16:30:00Z`)
      await runDueJobs(deps, { only: 'attendance-sweep' })
    }

    const days = async (postingId: string) => new Map((await db.select().from(attendanceDays).where(eq(attendanceDays.postingId, postingId))).map((d) => [d.day, d.status]))
    const zhang = await days(ids.zhangwei)
    expect([zhang.get('2016-11-01'), zhang.get('2016-11-03'), zhang.get('2016-11-14')]).toEqual(['excused', 'unexcused', 'notCounted'])
    const wang = await days(ids.wangfang)
    expect([wang.get('2016-11-10'), wang.get('2016-11-16')]).toEqual(['unexcused', 'excused'])
    expect(await findingsOf(ids.zhangwei)).toEqual([['2016-11-03', 'unexcused']])
    expect(await findingsOf(ids.wangfang)).toEqual([['2016-11-10', 'unexcused']])
    // Each doctor heard once per 待核实 day.
    expect(await db.select().from(outbox).where(like(outbox.idempotencyKey, 'unverified:%:doctor:%'))).toHaveLength(5)

    // Replaying a message or re-running every day and morning changes nothing and tells nobody twice.
    const before = { outbox: (await db.select().from(outbox)).length, findings: (await db.select().from(absences)).length, leave: (await db.select().from(leaveRequests)).length }
    await say('zhangwei', '补卡 11-01 在病房', events.get('zhangwei:补卡 11-01 在病房'))
    await say('qianyuanzhang', `核实 ${(await verification(ids.wangfang, '2016-11-10')).number} 脱岗`, events.get(`qianyuanzhang:核实 ${(await verification(ids.wangfang, '2016-11-10')).number} 脱岗`))
    await db.delete(jobRuns)
    await runDueJobs(deps, { only: 'attendance-sweep' })
    await runDueJobs(deps, { only: 'unverified-notice' })
    expect((await db.select().from(outbox)).length).toBe(before.outbox)
    expect((await db.select().from(absences)).length).toBe(before.findings)
    expect((await db.select().from(leaveRequests)).length).toBe(before.leave)
    expect((await days(ids.zhangwei)).get('2016-11-14')).toBe('notCounted')
  })
})

async function postingOf(db: Db, name: string): Promise<string> {
  const [row] = await db.select({ id: postings.id }).from(postings).innerJoin(people, eq(people.id, postings.personId)).where(eq(people.name, name))
  return row!.id
}

async function latestNumber(db: Db) {
  const rows = await db.select({ number: leaveRequests.number }).from(leaveRequests)
  return Math.max(...rows.map((r) => r.number))
}

/** Outbox recipients by name: Feishu open_ids of the demo handles, or console person ids. */
async function recipientNames(db: Db) {
  const names = new Map((await db.select().from(people)).map((p) => [p.id, p.name]))
  return (recipient: string) => HANDLE_NAME.get(recipient.replace('open_id:ou_demo_', '')) ?? names.get(recipient.replace('person:', '')) ?? recipient
}

async function repliesWhere(db: Db, where: ReturnType<typeof like>, filter: (r: Reply) => boolean = () => true): Promise<Reply[]> {
  const rows = await db.select().from(outbox).where(where)
  return rows.map((r) => (r.message as { reply: Reply }).reply).filter(filter)
}

async function noticesOf(db: Db, keyLike: string) {
  const name = await recipientNames(db)
  const rows = await db.select().from(outbox).where(like(outbox.idempotencyKey, keyLike))
  return rows.map((r) => ({ to: name(r.recipient), reply: (r.message as { reply: Reply }).reply }))
}
