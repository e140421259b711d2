import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { attendanceDays, auditLog, leaveRequests } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
})

const at = (now: string) => (user: string, text: string) => say(testApp(t.database, { now }).app, user, text, randomUUID())
const as = at('2026-12-01T02:00:00Z')
const numberOf = (text: string) => /#(\d+)/.exec(text)![1]!
const rowOf = async (number: string) => (await t.database.db.select().from(leaveRequests).where(eq(leaveRequests.number, Number(number))))[0]!

describe('撤销 N', () => {
  test('a pending request is withdrawn and the approver is told it needs nothing more', async () => {
    const number = numberOf((await as('liuyang', '请假 12-04 家中有事')).text)
    await as('qianyuanzhang', '')
    expect((await as('liuyang', `撤销 ${number}`)).text).toBe(`已撤销您的请假单 #${number}（2026-12-04），已通知审批人。`)
    expect((await rowOf(number)).status).toBe('cancelled')
    expect((await as('qianyuanzhang', '')).notices.map((n) => n.text)).toEqual([`刘洋 撤销了待审批的请假单 #${number}（2026-12-04），无需再处理。`])
    expect((await as('qianyuanzhang', `批准 ${number}`)).text).toBe(`单号 #${number} 已撤回，未作更改。`)
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'leave.cancelled'))).toHaveLength(1)
  })

  test('approved leave not yet started is withdrawn: its days are workdays again, the approver is told', async () => {
    const number = numberOf((await as('zhangwei', '请假 12-08 至 12-09 进修')).text)
    await as('zhaoyuanzhang', `批准 ${number}`)
    await as('zhaoyuanzhang', '')
    expect((await as('zhangwei', `撤销 ${number}`)).text).toBe(`已撤销您的请假单 #${number}（2026-12-08 至 2026-12-09），这些天恢复为工作日，已通知审批人。`)
    const leave = await rowOf(number)
    const days = await t.database.db.select().from(attendanceDays).where(and(eq(attendanceDays.postingId, leave.postingId), eq(attendanceDays.day, '2026-12-08')))
    expect(days[0]!.status).toBe('open')
    expect((await as('zhaoyuanzhang', '')).notices.map((n) => n.text)).toEqual([`张伟 撤销了已批准的请假单 #${number}（2026-12-08 至 2026-12-09），无需再处理。`])
  })

  test('leave already started, someone else’s request, a decided one, or no number: nothing changes', async () => {
    const started = numberOf((await as('wangfang', '请假 12-01 至 12-02 家中有事')).text)
    await as('qianyuanzhang', `批准 ${started}`)
    expect((await as('wangfang', `撤销 ${started}`)).text).toBe(`请假单 #${started} 已开始，不能撤销；如需提前结束，请发送：销假。`)
    expect((await as('liuyang', `撤销 ${started}`)).text).toBe(`没有找到您的单号 #${started}；只能撤销自己提交的申请。`)
    const rejected = numberOf((await as('wangfang', '请假 12-20 体检')).text)
    await as('qianyuanzhang', `驳回 ${rejected} 当天有检查`)
    expect((await as('wangfang', `撤销 ${rejected}`)).text).toBe(`单号 #${rejected} 已驳回，不能再撤销。如有疑问请联系审批人。`)
    expect((await as('wangfang', '撤销')).text).toBe('请这样发送：撤销 单号，例如：撤销 12（单号见提交时的回复，或发送“我的”查看）。')
    expect((await rowOf(started)).status).toBe('approved')
    expect((await as('wangfang', 'withdraw x')).text).toContain('Please send: withdraw <number>')
  })
})
