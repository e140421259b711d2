import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { leaveRequests, outbox } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { decodeButtonKey } from '../src/platforms/wecom/card'
import { sendersFor } from '../src/platforms/senders'
import { handleAndDeliver, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { cardClickXml, locationXml, openPassiveReply, shownText, startFakeWecom, textXml, WECOM_ENV, wecomPost } from './support/wecom'

const t = useTestDatabase()
let wecom: Awaited<ReturnType<typeof startFakeWecom>>

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  wecom = await startFakeWecom()
})
afterAll(() => wecom.close())

function bot(now: string) {
  const { app, clock, config } = testApp(t.database, { now, env: { ...WECOM_ENV, WECOM_BASE_URL: wecom.url } })
  const senders = sendersFor(config)
  const post = async (xml: string) => {
    const response = await app.request(...wecomPost(xml, { now: clock.now() }))
    return { status: response.status, body: await response.text(), type: response.headers.get('content-type') }
  }
  return {
    clock,
    say: (userId: string, text: string) => post(textXml({ userId, text, at: clock.now() }).xml),
    share: (userId: string, latitude: number, longitude: number) => post(locationXml({ userId, latitude, longitude, at: clock.now() }).xml),
    click: (userId: string, card: { taskId: string; key: string }) => post(cardClickXml({ userId, taskId: card.taskId, eventKey: card.key, at: clock.now() })),
    deliver: () => handleAndDeliver({ db: t.database.db, clock, senders }),
  }
}

const toUser = (userId: string) => wecom.delivered.filter((m) => m.api === 'message/send' && m.to === userId)
const leaveNumber = async (n: number) => (await t.database.db.select().from(leaveRequests).where(eq(leaveRequests.number, n)))[0]!

describe('WeCom: the demo scenario through encrypted callbacks, 请假 approved by a template card click', () => {
  test('签到 with a location, 请假, a card with 批准/驳回 to the approver, one approval, refusals change nothing', async () => {
    const b = bot('2026-11-23T00:03:00Z')
    expect((await b.share('zhangwei', 34.523, 113.857)).status).toBe(200)
    await b.say('zhangwei', '签到')
    expect((await b.say('zhangwei', '请假 11-24 至 11-26 回城参加培训')).body).toBe('')
    await b.deliver()
    const doctorSaw = toUser('zhangwei').map(shownText)
    expect(doctorSaw).toContain('签到成功：2026-11-23 08:03，示范县人民医院。\n已附上签到位置（距示范县人民医院约 0.2 公里）。')
    const number = Number(/请假单 #(\d+) 已提交：2026-11-24 至 2026-11-26（3 天）/.exec(doctorSaw.at(-1)!)![1])

    // The approver's notice is a button_interaction card named by its outbox row.
    const sent = toUser('zhaoyuanzhang').at(-1)!
    expect(sent.body).toMatchObject({ touser: 'zhaoyuanzhang', agentid: 1000002, msgtype: 'template_card' })
    const card = sent.body.template_card
    expect(card).toMatchObject({ card_type: 'button_interaction', main_title: { title: `请假审批 #${number}` } })
    expect(card.sub_title_text).toContain('张伟 申请请假：2026-11-24 至 2026-11-26（3 天）')
    expect(card.horizontal_content_list).toContainEqual({ keyname: '事由', value: '回城参加培训' })
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.recipient, 'user:zhaoyuanzhang'))
    expect(card.task_id).toBe(row!.id)
    expect(card.task_id).toMatch(/^[A-Za-z0-9_@-]{1,128}$/)
    expect(card.button_list.map((x: any) => [x.text, x.style, x.type])).toEqual([['批准', 1, 0], ['驳回', 3, 0]])
    expect(card.button_list.map((x: any) => decodeButtonKey(x.key))).toEqual([
      { label: '批准', command: `批准 ${number}` },
      { label: '驳回', command: `驳回 ${number}` },
    ])
    const approve = { taskId: card.task_id, key: card.button_list[0].key }
    const reject = { taskId: card.task_id, key: card.button_list[1].key }

    // 钱院长 approves the township, not the county hospital: nothing changes, the card is not touched.
    b.clock.advance(60_000)
    const stranger = await b.click('qianyuanzhang', approve)
    expect(stranger).toMatchObject({ status: 200, body: '' })
    expect((await leaveNumber(number)).status).toBe('pending')

    const approved = await b.click('zhaoyuanzhang', approve)
    expect(approved.status).toBe(200)
    expect(approved.type).toContain('xml')
    expect(openPassiveReply(approved.body)).toMatchObject({
      ToUserName: 'zhaoyuanzhang',
      FromUserName: WECOM_ENV.WECOM_CORP_ID,
      MsgType: 'update_button',
      Button: { ReplaceName: '已批准' },
    })
    expect((await leaveNumber(number)).status).toBe('approved')

    // WeCom's retries of the same click: the same relabel, no second effect.
    for (let i = 0; i < 5; i++) {
      const again = await b.click('zhaoyuanzhang', approve)
      expect(openPassiveReply(again.body).Button.ReplaceName).toBe('已批准')
    }
    // A click on the other button (a card not yet relabelled): refused by decideLeave, the card stays as it is.
    expect(await b.click('zhaoyuanzhang', reject)).toMatchObject({ status: 200, body: '' })
    expect((await leaveNumber(number)).status).toBe('approved')

    await b.deliver()
    const notices = toUser('zhangwei').map(shownText).filter((s) => s.includes(`请假单 #${number}（2026-11-24 至 2026-11-26）`))
    expect(notices).toEqual([`您的请假单 #${number}（2026-11-24 至 2026-11-26）已批准（审批人：赵院长）。`])
    expect(toUser('qianyuanzhang').map(shownText)).toEqual([`您不是单号 #${number} 的审批人，未作任何更改。`])
    const approverSaw = toUser('zhaoyuanzhang').map(shownText).slice(1)
    expect(approverSaw).toEqual([`已批准 张伟 的请假单 #${number}（2026-11-24 至 2026-11-26）。`, `单号 #${number} 已批准，未作更改。`])

    await b.say('zhangwei', '我的')
    await b.deliver()
    expect(shownText(toUser('zhangwei').at(-1)!)).toContain('已签到 1 天')
  })

  test('a 驳回 click replayed 20× concurrently asks once for the reason and changes nothing; the typed reason rejects', async () => {
    const b = bot('2026-11-30T01:00:00Z')
    await b.say('wangfang', '请假 12-01 家中有事')
    await b.deliver()
    const card = toUser('qianyuanzhang').at(-1)!.body.template_card
    const number = Number(/#(\d+)/.exec(card.main_title.title)![1])
    const reject = { taskId: card.task_id, key: card.button_list[1].key }
    const answers = await Promise.all(Array.from({ length: 20 }, () => b.click('qianyuanzhang', reject)))
    // Not applied, so the button is not relabelled: WeCom keeps the card as it is.
    expect(answers.map((a) => a.body)).toEqual(Array(20).fill(''))
    expect((await leaveNumber(number)).status).toBe('pending')
    await b.deliver()
    const asked = toUser('qianyuanzhang').map(shownText).filter((s) => s.includes(`驳回 #${number} 的理由`))
    // WeCom shows no form: the prompt gives only the line to type.
    expect(asked).toEqual([`【驳回 #${number}】\n请写明驳回 #${number} 的理由，申请人会看到。请发送：驳回 ${number} 理由。目前尚未驳回。`])

    b.clock.advance(60_000)
    await b.say('qianyuanzhang', `驳回 ${number} 当天门诊人手不足`)
    await b.deliver()
    expect((await leaveNumber(number)).status).toBe('rejected')
    const told = toUser('wangfang').map(shownText).filter((s) => s.startsWith(`您的请假单 #${number}`))
    expect(told).toHaveLength(1)
    expect(told[0]).toContain('审批意见：当天门诊人手不足')
  })

  test('我的, 资格 and 月报 as text messages are answered as text, never as a card', async () => {
    const b = bot('2026-11-25T02:00:00Z')
    const before = toUser('zhangwei').length
    for (const text of ['我的', '资格', '月报']) expect((await b.say('zhangwei', text)).status).toBe(200)
    await b.deliver()
    const answers = toUser('zhangwei').slice(before)
    expect(answers.length).toBeGreaterThanOrEqual(3)
    expect(answers.every((m) => m.body.msgtype !== 'template_card')).toBe(true)
    const shown = answers.map(shownText)
    expect(shown.every((text) => Buffer.byteLength(text) <= 2048)).toBe(true)
    const [me, eligibility, report] = [shown[0]!, shown.slice(1, -1), shown.at(-1)!]
    expect(me).toMatch(/^【我的派驻】\n当前派驻：示范市第一人民医院 → 示范县人民医院/)
    expect(eligibility[0]).toMatch(/^【资格评估】\n/)
    expect(eligibility.slice(1).every((part) => !part.startsWith('【'))).toBe(true)
    // WeCom has no forms: the form's text says what to type.
    expect(report).toContain('发送“月报 门诊=12')
  })

  test('a click whose key duikou did not write, or from a corp nobody set up, is acknowledged and changes nothing', async () => {
    const b = bot('2026-11-25T03:00:00Z')
    const before = await t.database.db.select().from(outbox)
    expect(await b.click('zhaoyuanzhang', { taskId: 'foreign-task', key: 'approve_12' })).toMatchObject({ status: 200, body: '' })
    await b.deliver()
    expect(await t.database.db.select().from(outbox)).toHaveLength(before.length)
  })

  test('a forged click (bad signature) is a 401 and nothing runs', async () => {
    const { app, clock } = testApp(t.database, { now: '2026-11-25T04:00:00Z', env: { ...WECOM_ENV } })
    const xml = cardClickXml({ userId: 'zhaoyuanzhang', taskId: 't', eventKey: 'dk1.x', at: clock.now() })
    const response = await app.request(...wecomPost(xml, { now: clock.now(), tamper: (q) => (q.msg_signature = '0'.repeat(40)) }))
    expect(response.status).toBe(401)
  })
})
