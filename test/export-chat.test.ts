import { randomUUID } from 'node:crypto'
import { and, eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { outbox } from '../db/schema'
import { demoFeishuOpenId } from '../src/demo/seed'
import { sendersFor } from '../src/platforms/senders'
import { handleAndDeliver, say, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { FEISHU_ENV, feishuRequest, messageEvent, startFakeFeishu } from './support/feishu'
import { openWorkbook, rowsOf, seedMonth } from './support/month-fixture'
import { startFakeWecom, textXml, WECOM_ENV, wecomPost } from './support/wecom'

const t = useTestDatabase()
let feishu: Awaited<ReturnType<typeof startFakeFeishu>>
let wecom: Awaited<ReturnType<typeof startFakeWecom>>
const NOW = '2026-11-23T02:00:00Z'

beforeAll(async () => {
  await seedMonth(t.database)
  feishu = await startFakeFeishu()
  wecom = await startFakeWecom()
})
afterAll(async () => {
  await feishu.close()
  await wecom.close()
})

function bot() {
  const { app, clock, config } = testApp(t.database, { now: NOW, env: { ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url, ...WECOM_ENV, WECOM_BASE_URL: wecom.url } })
  const senders = sendersFor(config)
  return { app, clock, deliver: () => handleAndDeliver({ db: t.database.db, clock, senders }) }
}

describe('导出 in chat: the workbook reaches the office user as a file, once', () => {
  test('Feishu: uploaded through im/v1/files, then one `file` message to the sender’s open_id, even when the event is redelivered', async () => {
    const { app, clock, deliver } = bot()
    const openId = demoFeishuOpenId('sunzhuren')
    const event = messageEvent({ openId, text: '导出 2026-11', chatType: 'group', mentions: [{ key: '@_user_1', open_id: 'ou_bot' }] })
    event.event.message.content = JSON.stringify({ text: '@_user_1 导出 2026-11' })
    expect((await app.request('/webhooks/feishu/events', feishuRequest(event, { now: clock.now() }))).status).toBe(200)
    expect((await app.request('/webhooks/feishu/events', feishuRequest(event, { now: clock.now() }))).status).toBe(200)
    await deliver()
    await deliver()
    const files = feishu.delivered.filter((m) => m.msgType === 'file')
    expect(files).toHaveLength(1)
    // To the person, never into the group the command came from.
    expect(files[0]).toMatchObject({ receiveIdType: 'open_id', receiveId: openId })
    const upload = feishu.uploads.find((u) => u.fileKey === files[0]!.content.file_key)!
    expect(upload).toMatchObject({ fileType: 'xls', fileName: '对口支援月度汇总-2026-11.xlsx' })
    const book = await openWorkbook(upload.bytes)
    expect(book.worksheets.map((s) => s.name)).toEqual(['出勤', '月报', '脱岗与通报', '达标', '审计'])
    expect(rowsOf(book, '出勤').find((r) => r['医生'] === '张伟')).toMatchObject({ '4日': '脱岗', 出勤率: 66.7 })
    const reply = feishu.delivered.find((m) => m.receiveId === 'oc_group_demo' && m.msgType === 'interactive')
    expect(JSON.stringify(reply?.content)).toContain('将以文件形式私信发给您')
  })

  test('WeCom: media/upload, then one `file` message to the member', async () => {
    const { app, clock, deliver } = bot()
    const { xml } = textXml({ userId: 'sunzhuren', text: 'export 2026-11', at: clock.now() })
    expect((await app.request(...wecomPost(xml, { now: clock.now() }))).status).toBe(200)
    expect((await app.request(...wecomPost(xml, { now: clock.now() }))).status).toBe(200)
    await deliver()
    await deliver()
    const files = wecom.delivered.filter((m) => m.body.msgtype === 'file')
    expect(files).toHaveLength(1)
    expect(files[0]).toMatchObject({ api: 'message/send', to: 'sunzhuren', body: { agentid: 1000002, file: { media_id: expect.any(String) } } })
    const upload = wecom.uploads.find((u) => u.mediaId === files[0]!.body.file.media_id)!
    expect(upload.fileName).toBe('对口支援月度汇总-2026-11.xlsx')
    expect(rowsOf(await openWorkbook(upload.bytes), '月报').map((r) => r['受援单位']).sort()).toEqual(['示范县人民医院', '示范县城关镇卫生院'].sort())
  })

  test('the console has no file channel: the reply says where to get the workbook, and nothing is queued', async () => {
    const before = await t.database.db.select().from(outbox).where(like(outbox.idempotencyKey, 'export:console:%'))
    const reply = await say(testApp(t.database, { now: NOW }).app, 'sunzhuren', '导出 2026-10', randomUUID())
    expect(reply.text).toContain('npm run cli -- export --month 2026-10')
    expect(reply.text).toContain('GET /api/admin/exports/monthly?month=2026-10')
    expect(await t.database.db.select().from(outbox).where(and(like(outbox.idempotencyKey, 'export:%'), eq(outbox.platform, 'console')))).toEqual(before)
  })

  test('a month that is not YYYY-MM is answered with the format', async () => {
    const reply = await say(testApp(t.database, { now: NOW }).app, 'sunzhuren', '导出 十月', randomUUID())
    expect(reply.text).toBe('请按“导出 2026-10”的格式给出月份。')
  })
})
