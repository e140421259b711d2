import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { runDueJobs } from '../src/jobs/run-jobs'
import { sendersFor } from '../src/platforms/senders'
import { handleMessage } from '../src/usecases/handle-message'
import { handleAndDeliver, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { FEISHU_ENV, feishuRequest, messageEvent, startFakeFeishu } from './support/feishu'

const t = useTestDatabase()
let feishu: Awaited<ReturnType<typeof startFakeFeishu>>

beforeAll(async () => {
  feishu = await startFakeFeishu()
})
afterAll(() => feishu.close())

test('统计 on Feishu: the card carries bar charts (VChart specs) of the same numbers as its text', async () => {
  const clock = fixedClock('2026-11-01T00:00:00Z')
  const deps = { db: t.database.db, clock }
  await seedDemo(t.database.db, clock)
  // 刘洋 (Yantai, judged every workday): present on Monday 11-02, no check-in on Tuesday 11-03 (待核实, not yet an absence).
  clock.set('2026-11-02T00:10:00Z')
  await handleMessage(deps, { platform: 'console', tenantId: 'demo', eventId: randomUUID(), senderExternalId: 'liuyang', text: '签到' })
  clock.set('2026-11-03T16:30:00Z')
  await runDueJobs(deps, { only: 'attendance-sweep' })

  const { app, config } = testApp(t.database, { now: '2026-11-04T02:00:00Z', env: { ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url } })
  const office = demoFeishuOpenId('sunzhuren')
  await app.request('/webhooks/feishu/events', feishuRequest(messageEvent({ openId: office, text: '统计' }), { now: new Date('2026-11-04T02:00:00Z') }))
  await handleAndDeliver({ db: t.database.db, clock: fixedClock('2026-11-04T02:00:00Z'), senders: sendersFor(config) })
  const card = feishu.delivered.filter((m) => m.receiveId === `oc_p2p_${office}`).at(-1)!
  const elements = card.content.body.elements as any[]
  const text = elements[0].content as string
  const charts = elements.filter((e) => e.tag === 'chart').map((e) => e.chart_spec)
  expect(charts.map((c) => c.type)).toEqual(['bar', 'bar'])
  expect(charts[0].title.text).toBe('各受援单位出勤率')
  expect(charts[0].data.values).toEqual([{ label: '示范县城关镇卫生院', value: 100 }])
  expect(text).toContain('刘洋 → 示范县城关镇卫生院：100.0%（出勤 1 天，脱岗 0 天，待核实 1 天）')
  expect(charts[1].title.text).toBe('月报报送情况')
  const notYet = charts[1].data.values.find((v: { label: string }) => v.label === '未提交').value
  expect(text).toContain(`未到截止日 ${notYet}`)
})
