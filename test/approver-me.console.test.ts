import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { identities, orgs, people, roleAssignments } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  const { db } = t.database
  await seedDemo(db, fixedClock('2026-11-20T00:00:00Z'))
  // The township centre's 医务科 clerk: approves its requests, directs nothing, is posted nowhere.
  const [township] = await db.select().from(orgs).where(eq(orgs.name, '示范县城关镇卫生院'))
  const [clerk] = await db.insert(people).values({ tenantId: 'demo', name: '周干事', employerOrgId: township!.id }).returning()
  await db.insert(roleAssignments).values({ tenantId: 'demo', personId: clerk!.id, role: 'approver', orgId: township!.id })
  await db.insert(identities).values({ tenantId: 'demo', platform: 'console', externalId: 'zhouganshi', personId: clerk!.id })
})

const at = (now: string) => (user: string, text: string) => say(testApp(t.database, { now }).app, user, text, randomUUID())

test('我的 for an approver with no posting names where they approve and what waits for them, not “没有派驻任务”', async () => {
  const empty = await at('2026-12-01T03:00:00Z')('zhouganshi', '我的')
  expect(empty.text).not.toContain('您目前没有派驻任务')
  expect(empty.text).toContain('您是示范县城关镇卫生院的审批人（本人没有派驻任务，无需签到）。')
  expect(empty.text).toContain('目前没有等您处理的事项。')

  expect((await at('2026-12-01T03:00:00Z')('wangfang', '请假 12-08 培训')).text).toContain('已提交')
  const waiting = await at('2026-12-01T04:00:00Z')('zhouganshi', '我的')
  expect(waiting.text).toContain('待办（1 项）')
  expect(waiting.text).toContain('王芳')
  expect(waiting.actions?.map((a) => a.label)).toEqual(['批准 #1', '驳回 #1'])
})

test('in English it is English', async () => {
  const reply = await at('2026-12-01T05:00:00Z')('zhouganshi', 'me')
  expect(reply.text).toContain('You approve for 示范县城关镇卫生院 (you have no posting, so no check-in is needed).')
})

test('a doctor with a posting still gets their posting from 我的', async () => {
  expect((await at('2026-12-01T05:00:00Z')('wangfang', '我的')).text).not.toContain('审批人')
})
