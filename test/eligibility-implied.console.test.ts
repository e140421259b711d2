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

test('the residency programme asks whether someone holds a physician licence, never their years of clinical work', async () => {
  const { app } = testApp(t.database, { now: '2026-11-23T02:00:00Z' })
  const send = async (text: string) => (await say(app, 'applicant-residency', text, randomUUID())).text
  const asked: string[] = []
  let reply = await send('资格 住院 2016-05-01')
  for (let turn = 0; turn < 20 && !reply.includes('资格评估结果'); turn++) {
    asked.push(reply)
    // 3 is 乡镇卫生院 in the first question and 执业医师资格 in the second.
    reply = await send(reply.includes('执业资格') || reply.includes('工作单位层级') ? '3' : '跳过')
  }
  expect(asked.some((q) => q.includes('执业资格'))).toBe(true)
  expect(asked.filter((q) => q.includes('从事临床医疗工作'))).toEqual([])
  expect(reply).toContain('✅ 基层住院（全科）医师规范化培训计划：符合')
  expect(reply).toContain('持有执业医师资格（本系统据此视为已从事临床医疗工作）')
})

test('someone without a physician licence is asked the yes/no fact, not a number of years', async () => {
  const { app } = testApp(t.database, { now: '2026-11-23T02:00:00Z' })
  const send = async (text: string) => (await say(app, 'applicant-no-licence', text, randomUUID())).text
  const asked: string[] = []
  let reply = await send('资格 住院 2016-05-01 employer.level=township education.level=associate licence=physician clinicalWork=否')
  for (let turn = 0; turn < 20 && !reply.includes('资格评估结果'); turn++) {
    asked.push(reply)
    reply = await send('跳过')
  }
  expect(asked.filter((q) => q.includes('几年'))).toEqual([])
  expect(reply).toContain('尚未从事临床医疗工作')
})
