import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { attendanceDays, auditLog, leaveRequests, postings } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
})

function console_(now: string) {
  const { app, clock } = testApp(t.database, { now })
  return { clock, as: (user: string, text: string) => say(app, user, text, randomUUID()) }
}

async function daysOf(postingId: string, from: string, to: string) {
  const rows = await t.database.db.select().from(attendanceDays).where(eq(attendanceDays.postingId, postingId))
  return rows.filter((r) => r.day >= from && r.day <= to)
}

describe('请假 through the console: request, approver notice, decision, excused days', () => {
  test('张伟 asks, 赵院长 (approver of the county hospital) is notified with buttons and approves; 张伟 is told', async () => {
    const c = console_('2026-11-23T02:00:00Z')
    const filed = await c.as('zhangwei', '请假 11-24 至 11-26 回城参加培训')
    expect(filed.text).toMatch(/^请假单 #\d+ 已提交：2026-11-24 至 2026-11-26（3 天），事由：回城参加培训。等待示范县人民医院审批。$/)
    const number = /#(\d+)/.exec(filed.text)![1]

    const inbox = await c.as('zhaoyuanzhang', '')
    expect(inbox.notices).toHaveLength(1)
    const notice = inbox.notices[0]!
    expect(notice.title).toBe(`请假审批 #${number}`)
    expect(notice.text).toContain('张伟 申请请假：2026-11-24 至 2026-11-26（3 天）')
    expect(notice.actions?.map((a) => a.command)).toEqual([`批准 ${number}`, `驳回 ${number}`])
    expect((await c.as('zhaoyuanzhang', '')).notices).toEqual([])

    const approved = await c.as('zhaoyuanzhang', `批准 ${number}`)
    expect(approved.text).toBe(`已批准 张伟 的请假单 #${number}（2026-11-24 至 2026-11-26）。`)
    const told = await c.as('zhangwei', '')
    expect(told.notices.map((n) => n.text)).toEqual([`您的请假单 #${number}（2026-11-24 至 2026-11-26）已批准（审批人：赵院长）。`])

    const [leave] = await t.database.db.select().from(leaveRequests).where(eq(leaveRequests.number, Number(number)))
    const excused = (await daysOf(leave!.postingId, '2026-11-24', '2026-11-26')).filter((d) => d.status === 'excused')
    expect(excused.map((d) => d.day).sort()).toEqual(['2026-11-24', '2026-11-25', '2026-11-26'])
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'leave.approved'))
    expect(audit).toHaveLength(1)
  })

  test('a second click (or a retyped 批准) changes nothing and says what stands', async () => {
    const c = console_('2026-11-23T03:00:00Z')
    const filed = await c.as('wangfang', '请假 12-01 家中有事')
    const number = /#(\d+)/.exec(filed.text)![1]
    await c.as('qianyuanzhang', `驳回 ${number} 本周门诊人手不足`)
    expect((await c.as('qianyuanzhang', `批准 ${number}`)).text).toBe(`单号 #${number} 已驳回，未作更改。`)
    const told = await c.as('wangfang', '')
    expect(told.notices[0]!.text).toContain('未获批准（审批人：钱院长）')
    expect(told.notices[0]!.text).toContain('审批意见：本周门诊人手不足')
  })

  test('only the approver of the receiving org can decide: a doctor or another hospital’s director cannot', async () => {
    const c = console_('2026-11-23T04:00:00Z')
    const filed = await c.as('zhangwei', '请假 12-03 体检')
    const number = /#(\d+)/.exec(filed.text)![1]
    expect((await c.as('wangfang', `批准 ${number}`)).text).toBe(`您不是单号 #${number} 的审批人，未作任何更改。`)
    expect((await c.as('qianyuanzhang', `批准 ${number}`)).text).toBe(`您不是单号 #${number} 的审批人，未作任何更改。`)
    const [row] = await t.database.db.select().from(leaveRequests).where(eq(leaveRequests.number, Number(number)))
    expect(row!.status).toBe('pending')
  })

  test.each([
    ['请假', '请发送：请假 11-24 至 11-26 事由'],
    ['请假 下周某天', '没有看懂日期'],
    ['请假 明天', '请写明请假事由'],
    ['请假 11-26 至 11-24 培训', '结束日期早于开始日期'],
    ['请假 11-25', '请写明请假事由'],
    ['请假 11-20 看病', '请假只能从今天或以后开始'],
    ['请假 2028-06-01 培训', '日期须在您的派驻期内'],
    ['补卡 11-30 下乡', '补卡只能补今天或之前的日期'],
  ])('%s → a clear answer and nothing filed', async (text, expected) => {
    const c = console_('2026-11-23T05:00:00Z')
    const before = await t.database.db.select().from(leaveRequests)
    expect((await c.as('liuyang', text)).text).toContain(expected)
    expect(await t.database.db.select().from(leaveRequests)).toHaveLength(before.length)
  })

  test('overlapping requests are refused with the number of the one that stands', async () => {
    const c = console_('2026-11-23T06:00:00Z')
    const first = await c.as('liuyang', '请假 12-10 至 12-12 进修')
    const number = /#(\d+)/.exec(first.text)![1]
    expect((await c.as('liuyang', '请假 12-11 进修')).text).toBe(`这段时间已有请假单 #${number}（2026-12-10 至 2026-12-12），无需重复提交。`)
  })

  test('补卡 for a past day, approved, makes that day excused; 销假 ends leave early', async () => {
    const c = console_('2026-11-23T07:00:00Z')
    const filed = await c.as('liuyang', '补卡 11-20 下乡义诊忘记签到')
    expect(filed.text).toMatch(/^补卡单 #\d+ 已提交：2026-11-20（1 天）/)
    const number = /#(\d+)/.exec(filed.text)![1]
    await c.as('qianyuanzhang', `批准 ${number}`)
    const [posting] = await t.database.db.select().from(postings).where(eq(postings.policyId, 'yantai-2024'))
    const [day] = await t.database.db
      .select()
      .from(attendanceDays)
      .where(and(eq(attendanceDays.postingId, posting!.id), eq(attendanceDays.day, '2026-11-20')))
    expect(day!.status).toBe('excused')

    const leave = await c.as('liuyang', '请假 11-23 至 11-25 家事')
    await c.as('qianyuanzhang', `批准 ${/#(\d+)/.exec(leave.text)![1]}`)
    expect((await c.as('liuyang', '销假')).text).toContain('已销假，欢迎回岗')
    const after = await t.database.db
      .select()
      .from(attendanceDays)
      .where(and(eq(attendanceDays.postingId, posting!.id), eq(attendanceDays.day, '2026-11-25')))
    expect(after[0]!.status).toBe('open')
    expect((await c.as('liuyang', '销假')).text).toBe('您今天没有进行中的已批准请假，无需销假。')
  })
})
