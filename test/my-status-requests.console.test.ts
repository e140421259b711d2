import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-20T00:00:00Z'))
})

const as = (now: string) => {
  const { app } = testApp(t.database, { now })
  return (user: string, text: string) => say(app, user, text, randomUUID())
}
const numberOf = (text: string) => /#(\d+)/.exec(text)![1]!

test('我的 counts an approved 补卡 day as present, only leave already taken, and lists what still waits', async () => {
  const filing = as('2026-11-30T02:00:00Z')
  await filing('liuyang', '签到')
  const punch = numberOf((await filing('liuyang', '补卡 11-27 下乡义诊忘记签到')).text)
  const today = numberOf((await filing('liuyang', '请假 12-01 家中有事')).text)
  const ahead = numberOf((await filing('liuyang', '请假 12-05 至 12-06 进修')).text)
  for (const n of [punch, today, ahead]) await filing('qianyuanzhang', `批准 ${n}`)
  const waiting = numberOf((await filing('liuyang', '请假 12-10 体检')).text)

  const me = (await as('2026-12-01T02:00:00Z')('liuyang', '我的')).text
  expect(me).toContain('已签到 2 天（含补卡 1 天）；请假 1 天（已批准，另有 2 天尚未开始）；脱岗 0 次。')
  expect(me).toContain(`待审批：请假单 #${waiting}（2026-12-10）。`)
  const en = (await as('2026-12-01T02:00:00Z')('liuyang', 'me')).text
  expect(en).toContain('Days checked in: 2 (incl. 1 by approved punch correction); leave 1 day(s) approved (another 2 approved day(s) ahead)')
})
