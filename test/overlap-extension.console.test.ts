import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
})

const as = (user: string, text: string) => say(testApp(t.database, { now: '2026-12-01T02:00:00Z' }).app, user, text, randomUUID())

test('leave running past one already filed offers the extension as a line (and a button) for the remaining days', async () => {
  const number = /#(\d+)/.exec((await as('liuyang', '请假 12-10 至 12-12 进修')).text)![1]
  await as('qianyuanzhang', `批准 ${number}`)
  const offered = await as('liuyang', '请假 12-11 至 12-15 进修延期')
  expect(offered.text).toBe(`这段时间已有请假单 #${number}（2026-12-10 至 2026-12-12，已批准）。如需续假，请只申请其余日期：请假 12-13 至 12-15 进修延期`)
  expect(offered.actions?.map((a) => a.command)).toEqual(['请假 12-13 至 12-15 进修延期'])
  expect((await as('liuyang', offered.actions![0]!.command)).text).toMatch(/^请假单 #\d+ 已提交：2026-12-13 至 2026-12-15（3 天），事由：进修延期。/)
})

test('a plain duplicate is still refused with the number that stands', async () => {
  const number = /#(\d+)/.exec((await as('wangfang', '请假 12-21 至 12-23 培训')).text)![1]
  expect((await as('wangfang', '请假 12-22 培训')).text).toBe(`这段时间已有请假单 #${number}（2026-12-21 至 2026-12-23），无需重复提交。`)
})
