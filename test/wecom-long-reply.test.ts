import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedDoctors } from '../bench/support/doctors'
import { fixedClock } from '../src/domain/clock'
import { sendersFor } from '../src/platforms/senders'
import { handleAndDeliver, say, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { seedMonth } from './support/month-fixture'
import { shownText, startFakeWecom, textXml, WECOM_ENV, wecomPost } from './support/wecom'

const t = useTestDatabase()
const NOW = '2026-11-23T02:00:00Z'
let wecom: Awaited<ReturnType<typeof startFakeWecom>>

beforeAll(async () => {
  await seedMonth(t.database)
  await seedDoctors(t.database.db, fixedClock(NOW), 40)
  wecom = await startFakeWecom()
})
afterAll(() => wecom.close())

test('统计 longer than the 2048 bytes WeCom shows goes as several messages, in order, none cut, the title first', async () => {
  const { app, clock, config } = testApp(t.database, { now: NOW, env: { ...WECOM_ENV, WECOM_BASE_URL: wecom.url } })
  const { xml } = textXml({ userId: 'sunzhuren', text: '统计', at: clock.now() })
  expect((await app.request(...wecomPost(xml, { now: clock.now() }))).status).toBe(200)
  await handleAndDeliver({ db: t.database.db, clock, senders: sendersFor(config) })

  const sent = wecom.delivered.filter((m) => m.to === 'sunzhuren')
  expect(sent.length).toBeGreaterThan(1)
  const shown = sent.map(shownText)
  expect(shown.every((text) => new TextEncoder().encode(text).length <= 2048)).toBe(true)
  expect(sent.every((m) => m.body.msgtype === 'text')).toBe(true)
  expect(shown[0]).toMatch(/^【.+】\n/)
  expect(shown.slice(1).every((text) => !text.startsWith('【'))).toBe(true)
  // Nothing lost or doubled between the parts: together they are the reply the console shows.
  const onConsole = await say(app, 'sunzhuren', '统计', randomUUID())
  expect(shown[0]!.split('\n')[0]).toContain(onConsole.title!)
  expect([shown[0]!.split('\n').slice(1).join('\n'), ...shown.slice(1)].join('\n')).toBe(onConsole.text)
  expect(onConsole.text).toContain('· ……另有 13 人（全部见导出）')
  expect(shown.at(-1)!.split('\n').at(-1)).toBe('导出本月 Excel：导出 2026-11')
})
