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

const as = (now: string) => {
  const { app } = testApp(t.database, { now })
  return async (user: string, text: string) => (await say(app, user, text, randomUUID())).text
}

test('report asked in English is answered in English throughout: the form, a mistake, the saved report, another person’s change, the deadline', async () => {
  const send = as('2026-11-10T02:00:00Z')
  const opened = await send('liuyang', 'report')
  expect(opened).toContain('示范县城关镇卫生院 report for 2026-11 (due 2026-11-25, not filed yet)')
  expect(opened).toContain('Send “report outpatientHalfDays=12')
  expect(opened).not.toMatch(/发送|填写|截止/)

  expect(await send('liuyang', 'report outpatientHalfDays=many')).toBe(
    'Report not saved: Outpatient (half-days) must be a whole number from 0 to 100000.\nExample: report outpatientHalfDays=12 rounds=8 highlights=…',
  )
  const saved = await send('liuyang', 'report outpatientHalfDays=5 highlights=first ultrasound clinic')
  expect(saved).toContain('示范县城关镇卫生院 report for 2026-11 saved:')
  expect(saved).toContain('Outpatient (half-days): 5')
  expect(saved).toContain('Highlights: first ultrasound clinic')
  expect(saved).toContain('It can still be changed until 2026-11-25.')

  const changed = await send('qianyuanzhang', 'report outpatientHalfDays=6')
  expect(changed).toContain('Note: these items were filled in by 刘洋 (2026-11-10) and now hold the new values:\nOutpatient (half-days): 5 → 6')

  expect(await as('2026-11-26T02:00:00Z')('liuyang', 'report outpatientHalfDays=7')).toBe(
    'The 2026-11 report is past its due date (2026-11-25) and can no longer be changed. For a correction please contact the medical affairs office.',
  )
})

test('月报 in Chinese still reads as before', async () => {
  expect(await as('2026-11-10T02:00:00Z')('wangfang', '月报')).toContain('2026-11 月报（截止 2026-11-25')
})
