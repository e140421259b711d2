import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
})

test('someone who says they are in post (在岗) is never asked whether they are retired', async () => {
  const { app } = testApp(t.database, { now: '2026-11-23T02:00:00Z' })
  const send = async (text: string) => (await say(app, 'applicant-implied', text, randomUUID())).text
  const asked: string[] = []
  let reply = await send('资格 乡镇卫生院骨干医师培训 2016-05-01')
  for (let turn = 0; turn < 20 && !reply.includes('资格评估结果'); turn++) {
    asked.push(reply)
    reply = await send(reply.includes('是否在岗') ? '是' : '跳过')
  }
  expect(asked.some((q) => q.includes('是否在岗'))).toBe(true)
  expect(asked.filter((q) => q.includes('是否已退休'))).toEqual([])
  expect(reply).not.toContain('是否已退休')
})
