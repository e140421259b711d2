import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { leaveRequests } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
})

test('a 1900-character reason is kept in full but shortened in the approver’s notice and the confirmation', async () => {
  const { app } = testApp(t.database, { now: '2026-12-01T02:00:00Z' })
  const reason = '家'.repeat(1900)
  const filed = await say(app, 'liuyang', `请假 12-03 ${reason}`, randomUUID())
  expect(filed.text).toContain(`${'家'.repeat(200)}…（事由共 1900 字，此处显示前 200 字）`)
  expect(filed.text).not.toContain('家'.repeat(201))
  const notice = (await say(app, 'qianyuanzhang', '', randomUUID())).notices[0]!
  expect(notice.text).toContain(`事由：${'家'.repeat(200)}…（事由共 1900 字，此处显示前 200 字）`)
  expect(notice.text.length).toBeLessThan(400)
  const [row] = await t.database.db.select().from(leaveRequests).where(eq(leaveRequests.number, Number(/#(\d+)/.exec(filed.text)![1])))
  expect(row!.reason).toBe(reason)
})
