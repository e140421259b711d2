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

test.each([
  ['谢谢', '不客气！需要时发送“帮助”查看可用指令。'],
  ['谢谢啦！', '不客气！需要时发送“帮助”查看可用指令。'],
  ['收到', '好的，收到。需要时发送“帮助”查看可用指令。'],
  ['好的', '好的，收到。需要时发送“帮助”查看可用指令。'],
  ['👍', '好的，收到。需要时发送“帮助”查看可用指令。'],
  ['👍🏻👍🏻', '好的，收到。需要时发送“帮助”查看可用指令。'],
  ['ok', 'Noted. Send “help” any time to see what I can do.'],
  ['Thanks!', 'You are welcome. Send “help” any time to see what I can do.'],
])('“%s” gets one friendly line in the writer’s language, not the help', async (text, expected) => {
  const reply = await as('zhangwei', text)
  expect(reply.text).toBe(expected)
  expect(reply.text.split('\n')).toHaveLength(1)
})

test('anything else unknown still gets the help, with what was not understood', async () => {
  expect((await as('zhangwei', '今天天气怎么样')).text).toContain('抱歉，没能理解“今天天气怎么样”')
})
