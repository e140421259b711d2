import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { consoleAt } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
})

const at = consoleAt(t)

describe('销假 knows whether today is already checked in', () => {
  test.each([
    ['zhangwei', 'zhaoyuanzhang', true, '已销假，欢迎回岗。请假单 #N 于今天结束，之后 2 天恢复为工作日。'],
    ['wangfang', 'qianyuanzhang', false, '已销假，欢迎回岗。请假单 #N 于今天结束，之后 2 天恢复为工作日。请记得签到。'],
  ])('%s (approver %s, checked in today: %s)', async (doctor, approver, checkedIn, expected) => {
    const filedOn = at('2026-11-30T01:00:00Z')
    const filed = await filedOn(doctor, '请假 12-01 至 12-03 家中有事')
    const number = /#(\d+)/.exec(filed.text)![1]!
    await filedOn(approver, `批准 ${number}`)
    const as = at('2026-12-01T07:14:00Z')
    if (checkedIn) await as(doctor, '签到')
    expect((await as(doctor, '销假')).text).toBe(expected.replace('#N', `#${number}`))
  })
})
