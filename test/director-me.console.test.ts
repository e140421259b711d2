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

const at = (now: string) => (user: string, text: string) => say(testApp(t.database, { now }).app, user, text, randomUUID())

test('我的 for a director lists the postings their hospital receives and sends, with this month’s attendance and report status', async () => {
  await at('2026-12-01T01:00:00Z')('zhangwei', '签到')
  await at('2026-12-01T01:00:00Z')('liuyang', '签到')
  const county = await at('2026-12-01T03:00:00Z')('zhaoyuanzhang', '我的')
  expect(county.title).toBe('本院派驻情况')
  expect(county.text).not.toContain('没有派驻任务')
  expect(county.text).toContain('示范县人民医院 · 2026-12\n接收派驻（1 人）：\n· 张伟（来自示范市第一人民医院，')
  expect(county.text).toContain('派出（1 人）：\n· 刘洋（派往示范县城关镇卫生院，')
  expect(county.text).toContain('本院月报：未提交（截止 2026-12-25）')

  const city = (await at('2026-12-01T03:00:00Z')('liyuanzhang', '我的')).text
  expect(city).toContain('接收派驻（0 人）：\n· 无')
  expect(city).toContain('派出（2 人）：')
  expect(city).toMatch(/· 张伟（派往示范县人民医院，[^)]*）：本月出勤率 /)
  expect(city).toMatch(/· 王芳（派往示范县城关镇卫生院，/)
  expect((await at('2026-12-01T03:00:00Z')('liyuanzhang', 'me')).title).toBe('My hospital')
})

test('a doctor’s 我的 is unchanged, and someone with no role and no posting still hears there is none', async () => {
  expect((await at('2026-12-01T03:00:00Z')('zhangwei', '我的')).title).toBe('我的派驻')
  expect((await at('2026-12-01T03:00:00Z')('sunzhuren', '我的')).text).toContain('您目前没有派驻任务')
})
