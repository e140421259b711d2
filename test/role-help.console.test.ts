import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
})

const as = (user: string, text: string) => say(testApp(t.database, { now: '2026-12-01T02:00:00Z' }).app, user, text, randomUUID())

describe('帮助 lists what this person can do', () => {
  test('a doctor: check-in, leave with examples from today, 撤销; no approving, no statistics', async () => {
    const help = (await as('zhangwei', '帮助')).text
    expect(help).toContain('【派驻医生】')
    expect(help).toContain('请假 12-02 至 12-04 事由')
    expect(help).toContain('撤销 12')
    expect(help).not.toContain('【审批人】')
    expect(help).not.toContain('导出')
  })

  test('a director who approves: both sections, no check-in', async () => {
    const help = (await as('zhaoyuanzhang', '帮助')).text
    expect(help).toContain('【审批人】\n待办')
    expect(help).toContain('驳回 12 理由')
    expect(help).toContain('【院长】')
    expect(help).not.toContain('签到 / 签退')
  })

  test('a director who does not approve, and the office', async () => {
    const director = (await as('liyuanzhang', '帮助')).text
    expect(director).toContain('【院长】')
    expect(director).not.toContain('【审批人】')
    const office = (await as('sunzhuren', '帮助')).text
    expect(office).toContain('【管理办公室】')
    expect(office).toContain('导出 2026-11')
    expect(office).not.toContain('签到 / 签退')
  })

  test('someone not registered is told what works before registration', async () => {
    const help = (await as('newcomer', '帮助')).text
    expect(help).toContain('【尚未登记】')
    expect(help).toContain('资格 [计划名称]')
    expect(help).not.toContain('签到')
    expect(help).not.toContain('月报')
  })

  test('in English when asked in English', async () => {
    const help = (await as('qianyuanzhang', 'help')).text
    expect(help).toContain('【Approvers】')
    expect(help).toContain('pending — requests waiting for you')
  })
})
