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

test('the help’s examples are dated from today, and copied as they stand they are accepted', async () => {
  const help = await as('liuyang', '帮助')
  expect(help.text).toContain('请假 12-02 至 12-04 事由')
  expect(help.text).toContain('补卡 11-30 事由')
  expect(help.text).not.toMatch(/11-2[0-6]/)
  expect((await as('liuyang', '请假 12-02 至 12-04 进修')).text).toMatch(/^请假单 #\d+ 已提交/)
  expect((await as('liuyang', '补卡 11-30 下乡')).text).toMatch(/^补卡单 #\d+ 已提交/)
})

test('the leave form and the format hint use the same relative dates', async () => {
  expect((await as('zhangwei', '请假')).text).toContain('请假 12-02 至 12-04 事由')
  expect((await as('zhangwei', '补卡')).text).toContain('补卡 11-30 事由')
  expect((await as('zhangwei', '请假 下周某天')).text).toBe('没有看懂日期。请这样发送：请假 12-02 至 12-04 事由')
})
