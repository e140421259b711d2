import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import type { Platform } from '../src/domain/platform'
import { handleMessage } from '../src/usecases/handle-message'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
})

const sender = { feishu: demoFeishuOpenId('zhangwei'), wecom: 'zhangwei', console: 'zhangwei' } as const
const ask = (platform: Platform, text: string) =>
  handleMessage({ db: t.database.db, clock: fixedClock('2026-12-01T02:00:00Z') }, { platform, tenantId: 'demo', eventId: randomUUID(), senderExternalId: sender[platform as keyof typeof sender], text })

test.each(['请假', '补卡', '月报'])('%s: only Feishu, which draws the form, is told about it; WeCom and the console get the line to type', async (text) => {
  const feishu = await ask('feishu', text)
  expect(feishu.text).toContain('或填写下方表单')
  expect(feishu.form).toBeDefined()
  for (const platform of ['wecom', 'console'] as const) {
    const reply = await ask(platform, text)
    expect(reply.text).not.toMatch(/表单|飞书/)
    expect(reply.text).toMatch(/请发送|发送“月报/)
  }
})
