import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { leaveRequests } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { rejectReasonReply } from '../src/usecases/leave/reject-reason'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
})

const as = (user: string, text: string) => say(testApp(t.database, { now: '2026-12-01T02:00:00Z' }).app, user, text, randomUUID())
const statusOf = async (number: string) => (await t.database.db.select().from(leaveRequests).where(eq(leaveRequests.number, Number(number))))[0]!.status

test('驳回 N without a reason asks for it and changes nothing; with the reason the requester reads it', async () => {
  const number = /#(\d+)/.exec((await as('liuyang', '请假 12-04 家中有事')).text)![1]!
  const asked = await as('qianyuanzhang', `驳回 ${number}`)
  expect(asked.text).toBe(`请写明驳回 #${number} 的理由，申请人会看到。请发送：驳回 ${number} 理由。目前尚未驳回。`)
  // The console shows no form, so none is offered.
  expect(asked.form).toBeUndefined()
  expect(await statusOf(number)).toBe('pending')
  expect((await as('qianyuanzhang', `不同意 ${number}`)).text).toContain('请写明驳回')
  expect((await as('qianyuanzhang', `驳回 ${number} 当周人手不足`)).text).toBe(`已驳回 刘洋 的请假单 #${number}（2026-12-04）。`)
  expect((await as('liuyang', '')).notices.at(-1)!.text).toContain('审批意见：当周人手不足')
})

test('someone who may not decide is told so before being asked for a reason', async () => {
  const number = /#(\d+)/.exec((await as('liuyang', '请假 12-07 进修')).text)![1]!
  expect((await as('zhaoyuanzhang', `驳回 ${number}`)).text).toBe(`您不是单号 #${number} 的审批人，未作任何更改。`)
})

test('on Feishu the prompt carries a form whose submission is the full line', () => {
  const reply = rejectReasonReply(5, 'feishu', 'zh')
  expect(reply.text).toContain('或填写下方表单')
  expect(reply.form?.command).toBe('驳回 5 {reason}')
  expect(rejectReasonReply(5, 'wecom', 'zh').form).toBeUndefined()
})
