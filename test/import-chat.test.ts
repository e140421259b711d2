import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { auditLog, chatImports, people, postings } from '../db/schema'
import { DEMO_TENANT, demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { sendersFor } from '../src/platforms/senders'
import { decodeButtonKey } from '../src/platforms/wecom/card'
import { handleAndDeliver, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { cardActionEvent, cardParts, FEISHU_ENV, feishuRequest, fileEvent, messageEvent, shownText, startFakeFeishu } from './support/feishu'
import { csv, workbook } from './support/imports'
import { fileXml, shownText as wecomShown, startFakeWecom, WECOM_ENV, wecomPost } from './support/wecom'

const t = useTestDatabase()
let feishu: Awaited<ReturnType<typeof startFakeFeishu>>
let wecom: Awaited<ReturnType<typeof startFakeWecom>>

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  feishu = await startFakeFeishu()
  wecom = await startFakeWecom()
})
afterAll(async () => {
  await feishu.close()
  await wecom.close()
})

function bot(now: string) {
  const { app, clock, config } = testApp(t.database, { now, env: { ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url, ...WECOM_ENV, WECOM_BASE_URL: wecom.url } })
  const deliver = () => handleAndDeliver({ db: t.database.db, clock, senders: sendersFor(config) })
  const send = async (payload: unknown) => app.request('/webhooks/feishu/events', feishuRequest(payload, { now: clock.now() }))
  const click = async (payload: unknown) => (await app.request('/webhooks/feishu/cards', feishuRequest(payload, { now: clock.now() }))).json() as Promise<any>
  const wecomPostXml = async (xml: string) => app.request(...wecomPost(xml, { now: clock.now() }))
  return { send, click, deliver, clock, wecomPostXml }
}

const clerk = demoFeishuOpenId('sunzhuren')
const lastTo = (openId: string) => feishu.delivered.filter((m) => m.receiveId === `oc_p2p_${openId}`).at(-1)!

/** A roster an office would send: one new doctor at the city hospital, posted to the county hospital. */
function rosterFile(name: string) {
  return workbook({
    人员: {
      rows: [
        ['姓名', '职称', '执业资格', '工作单位', '飞书open_id', '角色'],
        [name, '主治医师', '执业医师', '示范市第一人民医院', `ou_${name}`, '医生'],
      ],
    },
    派驻: {
      rows: [
        ['姓名', '支援医院', '受援医院', '政策', '开始日期', '结束日期'],
        [name, '示范市第一人民医院', '示范县人民医院', 'henan-2015', '2026-12-01', '2027-05-31'],
      ],
    },
  })
}

async function sendFile(b: ReturnType<typeof bot>, openId: string, fileName: string, bytes: Uint8Array, messageId?: string) {
  const event = fileEvent({ openId, fileKey: `file_v3_${Math.random().toString(36).slice(2)}`, fileName, messageId })
  feishu.serveResource(event.event.message.message_id, JSON.parse(event.event.message.content).file_key, bytes)
  expect((await b.send(event)).status).toBe(200)
  await b.deliver()
  return event
}

const personNamed = async (name: string) => (await t.database.db.select().from(people).where(and(eq(people.tenantId, DEMO_TENANT), eq(people.name, name))))[0]

describe('an office sends its Excel file to the bot (Feishu), reads the plan, taps 确认导入', () => {
  test('名单.xlsx → a preview card; the click writes exactly that plan, audited as the clerk; a second confirmation writes nothing', async () => {
    const b = bot('2026-11-24T01:00:00Z')
    await sendFile(b, clerk, '名单.xlsx', await rosterFile('周敏'))
    const preview = lastTo(clerk)
    const text = shownText(preview)
    expect(text).toContain('名单.xlsx：按名单读取')
    expect(text).toContain('将新建：单位 0 · 人员 1 · 账号 1 · 角色 1 · 对口关系 0 · 派驻 1')
    expect(text).toContain('按工作表：人员 3 项 · 派驻 1 项')
    expect(await personNamed('周敏')).toBeUndefined()
    const [button] = cardParts(preview).buttons
    const n = Number(/确认导入 (\d+)/.exec(button!.value.command)![1])
    expect(button!.label).toBe(`确认导入（第 ${n} 号）`)

    const answer = await b.click(cardActionEvent({ openId: clerk, value: button!.value }))
    expect(answer.toast).toEqual({ type: 'success', content: '名单.xlsx 已导入。新建：单位 0 · 人员 1 · 账号 1 · 角色 1 · 对口关系 0 · 派驻 1；修改：单位 0 · 人员 0 · 账号 0 · 角色 0 · 对口关系 0 · 派驻 0。每项改动都记入了审计日志。'.slice(0, 100) })
    const zhou = await personNamed('周敏')
    expect(zhou).toMatchObject({ title: 'intermediate' })
    expect(await t.database.db.select({ startsOn: postings.startsOn, endsOn: postings.endsOn }).from(postings).where(eq(postings.personId, zhou!.id))).toEqual([{ startsOn: '2026-12-01', endsOn: '2027-05-31' }])
    const sun = (await personNamed('孙主任'))!
    const audited = await t.database.db.select({ actor: auditLog.actorPersonId, entity: auditLog.entity }).from(auditLog).where(eq(auditLog.actorPersonId, sun.id))
    expect(audited.map((a) => a.entity).sort()).toEqual(['identity', 'person', 'posting', 'role_assignment'])

    const again = await b.click(cardActionEvent({ openId: clerk, value: button!.value }))
    expect(again.toast.content).toBe(`第 ${n} 号导入已经完成，未再次写入。`)
    await b.send(messageEvent({ openId: clerk, text: `确认导入 ${n}` }))
    await b.deliver()
    expect(shownText(lastTo(clerk))).toBe(`第 ${n} 号导入已经完成，未再次写入。`)
    const [after] = await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.actorPersonId, sun.id))
    expect(after!.n).toBe(4)
  })

  test('the same file message redelivered is downloaded and previewed once', async () => {
    const b = bot('2026-11-24T02:00:00Z')
    const event = await sendFile(b, clerk, '名单2.xlsx', await rosterFile('吴刚'))
    expect((await b.send(event)).status).toBe(200)
    await b.deliver()
    const key = `${event.event.message.message_id}/${JSON.parse(event.event.message.content).file_key}`
    expect(feishu.downloads.filter((d) => d === key)).toHaveLength(1)
    const rows = await t.database.db.select({ n: count() }).from(chatImports).where(eq(chatImports.eventId, `message:${event.event.message.message_id}`))
    expect(rows[0]!.n).toBe(1)
  })

  test('a doctor who sends a file is refused politely, and the file is not downloaded', async () => {
    const b = bot('2026-11-24T03:00:00Z')
    const doctor = demoFeishuOpenId('zhangwei')
    const event = await sendFile(b, doctor, '名单.xlsx', await rosterFile('郑明'))
    expect(shownText(lastTo(doctor))).toBe('通过聊天导入名单仅对卫健委、医务科等管理办公室人员和管理员开放。如需导入，请联系所在单位医务科。')
    expect(feishu.downloads.some((d) => d.startsWith(event.event.message.message_id))).toBe(false)
    await b.send(messageEvent({ openId: doctor, text: '确认导入 1' }))
    await b.deliver()
    expect(shownText(lastTo(doctor))).toContain('仅对卫健委、医务科等管理办公室人员和管理员开放')
  })

  test('row errors are listed and nothing can be confirmed; a file over 1 MB is refused; other files are not imported', async () => {
    const b = bot('2026-11-24T04:00:00Z')
    const bad = csv([
      ['姓名', '职称', '执业资格', '工作单位', '角色'],
      ['钱多', '主治医师', '执业医师', '不存在的医院', '医生'],
    ])
    await sendFile(b, clerk, '名单.csv', bad)
    const preview = lastTo(clerk)
    expect(shownText(preview)).toMatch(/有 \d+ 处错误，未导入任何内容。请改正后重新发送文件：\n“[^”]+”第 2 行：/)
    expect(cardParts(preview).buttons).toEqual([])

    await sendFile(b, clerk, '大名单.xlsx', new Uint8Array(1024 * 1024 + 1))
    expect(shownText(lastTo(clerk))).toBe('大名单.xlsx 超过 1 MB，无法在聊天中导入。请拆分后分别发送，或请系统管理员用命令行导入。')

    await sendFile(b, clerk, '通知.pdf', new Uint8Array(10))
    expect(shownText(lastTo(clerk))).toBe('通知.pdf 不是可导入的文件。请发送 .xlsx 或 .csv 格式的名单或对口关系表。')
  })

  test('导入 对口关系 after the file reads it again as that kind, as a new preview', async () => {
    const b = bot('2026-11-24T05:00:00Z')
    await sendFile(b, clerk, '名单3.xlsx', await rosterFile('冯雪'))
    const number = (m: ReturnType<typeof lastTo>) => Number(/第 (\d+) 号/.exec(m.content.header.title.content)![1])
    const first = number(lastTo(clerk))
    await b.send(messageEvent({ openId: clerk, text: '导入 对口关系' }))
    await b.deliver()
    expect(shownText(lastTo(clerk))).toContain('名单3.xlsx：按对口关系表读取。')
    expect(number(lastTo(clerk))).toBeGreaterThan(first)
  })

  test('a preview not confirmed within a day expires and writes nothing', async () => {
    const b = bot('2026-11-25T01:00:00Z')
    await sendFile(b, clerk, '名单4.xlsx', await rosterFile('褚亮'))
    const [button] = cardParts(lastTo(clerk)).buttons
    const late = bot('2026-11-26T01:00:01Z')
    const answer = await late.click(cardActionEvent({ openId: clerk, value: button!.value }))
    expect(answer.toast.content).toMatch(/^第 \d+ 号导入预览已过期（超过 24 小时，本系统的规定），请重新发送文件。$/)
    expect(await personNamed('褚亮')).toBeUndefined()
  })

  test('a preview whose data changed before the confirmation is not applied', async () => {
    const b = bot('2026-11-25T02:00:00Z')
    await sendFile(b, clerk, '名单5.xlsx', await rosterFile('卫东'))
    const [first] = cardParts(lastTo(clerk)).buttons
    await sendFile(b, clerk, '名单5b.xlsx', await rosterFile('卫东'))
    const [second] = cardParts(lastTo(clerk)).buttons
    expect((await b.click(cardActionEvent({ openId: clerk, value: second!.value }))).toast.type).toBe('success')
    const stale = await b.click(cardActionEvent({ openId: clerk, value: first!.value }))
    expect(stale.toast.content).toContain('数据已有变动')
    const [rows] = await t.database.db.select({ n: count() }).from(people).where(eq(people.name, '卫东'))
    expect(rows!.n).toBe(1)
  })
})

describe('the same on WeCom: a file message, media/get, the preview as a card with 确认导入', () => {
  test('the office clerk gets a preview card whose button confirms the import; a file WeCom says is too large is not fetched', async () => {
    const b = bot('2026-11-24T06:00:00Z')
    wecom.serveMedia('media-roster', await rosterFile('蒋华'))
    expect((await b.wecomPostXml(fileXml({ userId: 'sunzhuren', mediaId: 'media-roster', fileName: '名单.xlsx', at: b.clock.now() }).xml)).status).toBe(200)
    await b.deliver()
    const card = wecom.delivered.filter((m) => m.to === 'sunzhuren').at(-1)!
    expect(wecomShown(card)).toContain('名单.xlsx：按名单读取')
    const buttons = card.body.template_card.button_list as { text: string; key: string }[]
    expect(buttons.map((x) => decodeButtonKey(x.key)?.command)).toEqual([expect.stringMatching(/^确认导入 \d+$/)])
    expect(wecom.mediaGets).toEqual(['media-roster'])

    await b.wecomPostXml(fileXml({ userId: 'sunzhuren', mediaId: 'media-huge', fileName: '大名单.xlsx', fileSize: 5 * 1024 * 1024, at: b.clock.now() }).xml)
    await b.deliver()
    expect(wecomShown(wecom.delivered.filter((m) => m.to === 'sunzhuren').at(-1)!)).toContain('大名单.xlsx 超过 1 MB')
    expect(wecom.mediaGets).toEqual(['media-roster'])
  })
})
