import { beforeAll, describe, expect, test } from 'vitest'
import { leaveRequests } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { consoleAt } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
})

const at = consoleAt(t)

const filed = async () => (await t.database.db.select().from(leaveRequests)).length

describe('one consistent day: requests never contradict a check-in', () => {
  test('补卡 for a day already checked in is refused, today or earlier', async () => {
    await at('2026-11-30T01:00:00Z')('zhangwei', '签到')
    const as = at('2026-12-01T07:14:00Z')
    await as('zhangwei', '签到')
    const before = await filed()
    expect((await as('zhangwei', '补卡 12-01 忘记签到')).text).toBe('您 2026-12-01 已于 15:14 签到，该日无需补卡。')
    expect((await as('zhangwei', '补卡 11-30 忘记签到')).text).toBe('您 2026-11-30 已于 09:00 签到，该日无需补卡。')
    expect(await filed()).toBe(before)
  })

  test('leave from today after a check-in asks to confirm; with 确认 it is filed without the word', async () => {
    const as = at('2026-12-01T07:20:00Z')
    await as('wangfang', '签到')
    const before = await filed()
    const asked = await as('wangfang', '请假 12-01 至 12-03 家中有事')
    expect(asked.text).toBe('您今天已于 15:20 签到。如签到后需要离岗请假，请在末尾加“确认”再发一次：请假 12-01 至 12-03 家中有事 确认；否则请从明天开始请假。')
    expect(await filed()).toBe(before)
    const confirmed = await as('wangfang', '请假 12-01 至 12-03 家中有事 确认')
    expect(confirmed.text).toMatch(/^请假单 #\d+ 已提交：2026-12-01 至 2026-12-03（3 天），事由：家中有事。/)
  })

  test('leave from tomorrow is not held up by today’s check-in', async () => {
    const as = at('2026-12-01T07:30:00Z')
    await as('liuyang', '签到')
    expect((await as('liuyang', '请假 12-02 进修')).text).toMatch(/^请假单 #\d+ 已提交：2026-12-02（1 天）/)
  })
})
