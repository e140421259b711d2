import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { parseChatDate } from '../src/time/chat-dates'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

// 2026-12-01 is a Tuesday.
const TODAY = '2026-12-01'

describe('dates in words', () => {
  test.each([
    ['今天', undefined, '2026-12-01'],
    ['明天', undefined, '2026-12-02'],
    ['后天', undefined, '2026-12-03'],
    ['昨天', undefined, '2026-11-30'],
    ['前天', undefined, '2026-11-29'],
    ['tomorrow', undefined, '2026-12-02'],
    ['12月3日', undefined, '2026-12-03'],
    ['12.3', undefined, '2026-12-03'],
    ['本周五', undefined, '2026-12-04'],
    ['下周一', undefined, '2026-12-07'],
    ['上周五', undefined, '2026-11-27'],
    ['周三', 'future', '2026-12-02'],
    ['星期一', 'future', '2026-12-07'],
    ['周五', 'past', '2026-11-27'],
    ['周日', 'past', '2026-11-29'],
  ] as const)('%s (%s) → %s', (text, direction, expected) => expect(parseChatDate(text, TODAY, direction)).toBe(expected))

  test.each([
    ['周三', undefined],
    ['周二', 'future'],
    ['周二', 'past'],
    ['下下周', 'future'],
  ] as const)('%s (%s) could mean two days: not guessed', (text, direction) => expect(parseChatDate(text, TODAY, direction)).toBeNull())
})

describe('through the console', () => {
  const t = useTestDatabase()
  beforeAll(async () => {
    await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
  })
  const as = (user: string, text: string) => say(testApp(t.database, { now: '2026-12-01T01:00:00Z' }).app, user, text, randomUUID())

  test.each([
    ['liuyang', '请假 明天 感冒', /^请假单 #\d+ 已提交：2026-12-02（1 天），事由：感冒。/],
    ['liuyang', '请假 下周一至下周三 进修', /^请假单 #\d+ 已提交：2026-12-07 至 2026-12-09（3 天），事由：进修。/],
    ['zhangwei', '补卡 昨天 下乡义诊', /^补卡单 #\d+ 已提交：2026-11-30（1 天）/],
    ['zhangwei', '补卡 周五 下乡义诊', /^补卡单 #\d+ 已提交：2026-11-27（1 天）/],
    ['wangfang', '请假 12月10日 体检', /^请假单 #\d+ 已提交：2026-12-10（1 天）/],
    ['wangfang', '请假 12.14 体检', /^请假单 #\d+ 已提交：2026-12-14（1 天）/],
  ])('%s: %s', async (user, text, expected) => expect((await as(user, text)).text).toMatch(expected))
})
