import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { parseCommand } from '../src/domain/command'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

describe('the words people naturally type are commands', () => {
  test.each([
    ['同意 4', { kind: 'approve', args: '4' }, 'zh'],
    ['通过4', { kind: 'approve', args: '4' }, 'zh'],
    ['同意 #4 辛苦了', { kind: 'approve', args: '#4 辛苦了' }, 'zh'],
    ['不同意 4 人手不足', { kind: 'reject', args: '4 人手不足' }, 'zh'],
    ['check in', { kind: 'checkIn' }, 'en'],
    ['Check Out', { kind: 'checkOut' }, 'en'],
    ['签 到', { kind: 'checkIn' }, 'zh'],
    ['签  退', { kind: 'checkOut' }, 'zh'],
    ['请 假 明天 感冒', { kind: 'leave', args: '明天 感冒' }, 'zh'],
  ])('%s', (text, command, lang) => expect(parseCommand(text)).toEqual({ command, lang }))

  test.each([['同意'], ['通过了吗'], ['签名']])('%s alone is no command', (text) => expect(parseCommand(text).command.kind).toBe('unknown'))

  test.each([
    ['👍', 'zh'],
    ['ok', 'en'],
    ['？', 'zh'],
    ['123', 'zh'],
  ])('“%s” is answered in %s', (text, lang) => expect(parseCommand(text).lang).toBe(lang))
})

describe('through the console', () => {
  const t = useTestDatabase()
  beforeAll(async () => {
    await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
  })
  const as = (user: string, text: string) => say(testApp(t.database, { now: '2026-12-01T01:00:00Z' }).app, user, text, randomUUID())

  test('同意 N approves and 不同意 N 理由 rejects, as the approver', async () => {
    const first = /#(\d+)/.exec((await as('liuyang', '请假 12-03 体检')).text)![1]
    const second = /#(\d+)/.exec((await as('liuyang', '请假 12-08 进修')).text)![1]
    expect((await as('qianyuanzhang', `同意 ${first}`)).text).toBe(`已批准 刘洋 的请假单 #${first}（2026-12-03）。`)
    expect((await as('qianyuanzhang', `不同意 ${second} 当周人手不足`)).text).toBe(`已驳回 刘洋 的请假单 #${second}（2026-12-08）。`)
  })

  test('check in and 签 到 check in', async () => {
    expect((await as('zhangwei', 'check in')).text).toBe('Checked in at 09:00 on 2026-12-01, 示范县人民医院.')
    expect((await as('wangfang', '签 到')).text).toBe('签到成功：2026-12-01 09:00，示范县城关镇卫生院。')
  })
})

describe('English through a whole reply', () => {
  const t = useTestDatabase()
  beforeAll(async () => {
    await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
  })
  test('a leave filed in English reads “to”, not “至”', async () => {
    const reply = await say(testApp(t.database, { now: '2026-12-01T01:00:00Z' }).app, 'liuyang', 'leave 12-05 to 12-06 family matters', randomUUID())
    expect(reply.text).toMatch(/^leave request #\d+ filed: 2026-12-05 to 2026-12-06 \(2 day\(s\)\), reason: family matters\./)
  })
})
