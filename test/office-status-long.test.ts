import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { seedDoctors } from '../bench/support/doctors'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { seedMonth } from './support/month-fixture'

const t = useTestDatabase()
const NOW = '2026-11-23T02:00:00Z'

beforeAll(async () => {
  await seedMonth(t.database)
  await seedDoctors(t.database.db, fixedClock(NOW), 40)
})

test('统计 over more postings than a chat message holds: the 30 lowest attendance rates, then how many more are in the export', async () => {
  const reply = await say(testApp(t.database, { now: NOW }).app, 'sunzhuren', '统计', randomUUID())
  const lines = reply.text.split('\n')
  const header = lines.findIndex((l) => l.startsWith('出勤率'))
  expect(lines[header]).toBe('出勤率最低的 30 人（共 43 人；出勤 ÷（出勤 + 脱岗），按已判定的天数）：')
  // The one posting with judged days and absences comes first; postings with nothing judged yet come after.
  expect(lines[header + 1]).toBe('· 张伟 → 示范县人民医院：66.7%（出勤 2 天，脱岗 1 天）')
  expect(lines.slice(header + 1, header + 31).every((l) => l.startsWith('· '))).toBe(true)
  expect(lines[header + 31]).toBe('· ……另有 13 人（全部见导出）')
  expect(lines.at(-1)).toBe('导出本月 Excel：导出 2026-11')
})
