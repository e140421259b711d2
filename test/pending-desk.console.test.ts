import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { sweepDay } from '../src/usecases/attendance/sweep-day'
import { pendingDesk } from '../src/usecases/desk/pending-desk'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
})

const at = (now: string) => (user: string, text: string) => say(testApp(t.database, { now }).app, user, text, randomUUID())
const numberOf = (text: string) => /#(\d+)/.exec(text)![1]!

test('待办 lists the approver’s pending leave and 补卡, oldest first, each with what to send; decided ones drop out', async () => {
  const leave = numberOf((await at('2026-11-30T01:00:00Z')('liuyang', '请假 12-10 至 12-11 进修')).text)
  const punch = numberOf((await at('2026-11-30T02:00:00Z')('wangfang', '补卡 11-27 下乡义诊')).text)
  const later = numberOf((await at('2026-11-30T03:00:00Z')('liuyang', '请假 12-20 体检')).text)
  // 张伟's request waits at the county hospital: not 钱院长's.
  await at('2026-11-30T04:00:00Z')('zhangwei', '请假 12-15 家中有事')
  const as = at('2026-12-01T02:00:00Z')
  await as('qianyuanzhang', `批准 ${later}`)

  const desk = await as('qianyuanzhang', '待办')
  expect(desk.title).toBe('待办（2 项）')
  // The filing date is the row's own creation time (the database clock), not the test's fixed clock.
  expect(desk.text.replace(/；\d{4}-\d{2}-\d{2} 提交/g, '；… 提交')).toBe(
    [
      '按提交先后排列：',
      `1. 请假 #${leave} 刘洋：2026-12-10 至 2026-12-11（2 天），事由：进修；… 提交`,
      `   回复：批准 ${leave} / 驳回 ${leave} 理由`,
      `2. 补卡 #${punch} 王芳：2026-11-27（1 天），事由：下乡义诊；… 提交`,
      `   回复：批准 ${punch} / 驳回 ${punch} 理由`,
    ].join('\n'),
  )
  expect(desk.actions?.map((a) => a.command)).toEqual([`批准 ${leave}`, `驳回 ${leave}`, `批准 ${punch}`, `驳回 ${punch}`])
  expect((await as('qianyuanzhang', 'pending')).title).toBe('Waiting for you (2)')
  expect((await as('liyuanzhang', '待办')).text).toBe('目前没有等您处理的事项。')
})

test('another source of items is one more provider, merged oldest first', async () => {
  const extra = async () => [{ since: new Date('2020-01-01T00:00:00Z'), text: { zh: '待核实 11-20 张伟', en: 'to verify' }, typed: { zh: '核实 …', en: 'verify …' }, actions: [] }]
  const deps = { db: t.database.db, clock: fixedClock('2026-12-01T02:00:00Z') }
  const desk = await pendingDesk(deps, { tenantId: 'demo', personId: '00000000-0000-4000-8000-000000000000', lang: 'zh' }, [extra])
  expect(desk.text).toBe('按提交先后排列：\n1. 待核实 11-20 张伟\n   回复：核实 …')
})

test('待核实 days wait on the desk of the receiving org’s approver, with 确认脱岗 / 不计', async () => {
  // 2026-12-02, a Wednesday: 刘洋 (Yantai, posted to the township centre) never checked in.
  await sweepDay({ db: t.database.db, clock: fixedClock('2026-12-02T17:00:00Z') }, { tenantId: 'demo', day: '2026-12-02' })
  const desk = await at('2026-12-03T02:00:00Z')('qianyuanzhang', '待办')
  const number = /待核实 #(\d+) 刘洋：2026-12-02 没有签到记录/.exec(desk.text)?.[1]
  expect(number, desk.text).toBeDefined()
  expect(desk.text).toContain(`回复：核实 ${number} 脱岗 / 核实 ${number} 不计 理由`)
  // Not the city hospital's director: the receiving side decides.
  expect((await at('2026-12-03T02:00:00Z')('liyuanzhang', '待办')).text).not.toContain('待核实')
  await at('2026-12-03T02:05:00Z')('qianyuanzhang', `核实 ${number} 不计 当天在村卫生室巡诊`)
  expect((await at('2026-12-03T02:10:00Z')('qianyuanzhang', '待办')).text).not.toContain(`待核实 #${number}`)
})
