import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { leaveRequests } from '../db/schema'
import { demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { sendersFor } from '../src/platforms/senders'
import { handleAndDeliver, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { cardActionEvent, cardParts, FEISHU_ENV, feishuRequest, messageEvent, shownText, startFakeFeishu } from './support/feishu'

const t = useTestDatabase()
let feishu: Awaited<ReturnType<typeof startFakeFeishu>>

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  feishu = await startFakeFeishu()
})
afterAll(() => feishu.close())

const doctor = demoFeishuOpenId('zhangwei')
const approver = demoFeishuOpenId('zhaoyuanzhang')
const otherDirector = demoFeishuOpenId('qianyuanzhang')

function bot(now = '2026-11-23T02:00:00Z') {
  const { app, clock, config } = testApp(t.database, { now, env: { ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url } })
  const post = async (path: string, payload: unknown) => {
    const response = await app.request(path, feishuRequest(payload, { now: clock.now() }))
    return { status: response.status, body: (await response.json()) as any }
  }
  return {
    message: (openId: string, text: string) => post('/webhooks/feishu/events', messageEvent({ openId, text })),
    click: (openId: string, value: unknown, formValue?: Record<string, unknown>, path = '/webhooks/feishu/cards') =>
      post(path, cardActionEvent({ openId, value, formValue })),
    deliver: () => handleAndDeliver({ db: t.database.db, clock, senders: sendersFor(config) }),
  }
}

const lastTo = (receiveId: string) => feishu.delivered.filter((m) => m.receiveId === receiveId).at(-1)!

describe('Feishu: 请假 as a form card, approved by the approver’s click', () => {
  test('请假 opens a JSON 2.0 card with a form; the submission files the request and the approver gets buttons', async () => {
    const b = bot()
    await b.message(doctor, '请假')
    await b.deliver()
    const formCard = lastTo(`oc_p2p_${doctor}`)
    expect(formCard.msgType).toBe('interactive')
    expect(formCard.content.schema).toBe('2.0')
    const { form } = cardParts(formCard)
    expect(form.fields).toEqual([
      { tag: 'date_picker', name: 'from' },
      { tag: 'date_picker', name: 'to' },
      { tag: 'input', name: 'reason' },
    ])

    const submitted = await b.click(doctor, form.submit, { from: '2026-11-24 +0800', to: '2026-11-26 +0800', reason: '回城参加培训' })
    expect(submitted.status).toBe(200)
    expect(submitted.body.toast.type).toBe('success')
    expect(submitted.body.toast.content).toMatch(/^请假单 #\d+ 已提交：2026-11-24 至 2026-11-26（3 天）/)
    expect(submitted.body.card.type).toBe('raw')
    expect(JSON.stringify(submitted.body.card.data)).not.toContain('"form"')

    await b.deliver()
    const approval = lastTo(approver)
    expect(approval.receiveIdType).toBe('open_id')
    expect(shownText(approval)).toContain('张伟 申请请假：2026-11-24 至 2026-11-26（3 天）')
    const { buttons } = cardParts(approval)
    expect(buttons.map((x) => x.label)).toEqual(['批准', '驳回'])

    const number = Number(/批准 (\d+)/.exec(buttons[0]!.value.command)![1])
    const stranger = await b.click(otherDirector, buttons[0]!.value)
    expect(stranger.body.toast.type).toBe('error')
    expect(stranger.body.card).toBeUndefined()
    const [stillPending] = await t.database.db.select().from(leaveRequests).where(eq(leaveRequests.number, number))
    expect(stillPending!.status).toBe('pending')

    const approved = await b.click(approver, buttons[0]!.value, undefined, '/webhooks/feishu/events')
    expect(approved.body.toast).toEqual({ type: 'success', content: `已批准 张伟 的请假单 #${number}（2026-11-24 至 2026-11-26）。` })
    expect(cardParts({ ...approval, content: approved.body.card.data }).buttons).toEqual([])
    const twice = await b.click(approver, buttons[0]!.value)
    expect(twice.body.toast.type).toBe('error')
    expect(twice.body.toast.content).toBe(`单号 #${number} 已批准，未作更改。`)

    await b.deliver()
    expect(shownText(lastTo(doctor))).toBe(`您的请假单 #${number}（2026-11-24 至 2026-11-26）已批准（审批人：赵院长）。`)
    const deliveredTwice = feishu.delivered.filter((m) => shownText(m).includes(`请假单 #${number}（2026-11-24 至 2026-11-26）已批准`))
    expect(deliveredTwice).toHaveLength(1)
  })

  test('an incomplete form gets an error toast naming the empty field, and nothing is filed', async () => {
    const b = bot()
    const before = await t.database.db.select().from(leaveRequests)
    const answer = await b.click(doctor, { form: '请假 {from} 至 {to} {reason}', labels: { reason: '事由' } }, { from: '2026-12-01 +0800', to: '2026-12-01 +0800', reason: '  ' })
    expect(answer.body).toEqual({ toast: { type: 'error', content: '请填写：事由' } })
    expect(await t.database.db.select().from(leaveRequests)).toHaveLength(before.length)
  })

  test('a click from someone not registered gets an error toast', async () => {
    const answer = await bot().click('ou_stranger', { command: '批准 1' })
    expect(answer.body.toast.type).toBe('error')
    expect(answer.body.toast.content).toContain('还没有在对口支援助手中登记')
  })

  test('a signed card callback duikou cannot read is a 200 with a toast (and parked for an operator); a bad signature is a 401', async () => {
    const b = bot()
    const unreadable = await b.click(doctor, { nothing: true })
    expect(unreadable.status).toBe(200)
    expect(unreadable.body.toast).toEqual({ type: 'error', content: '无法识别此操作，已记录，请联系系统管理员' })
    const { app } = testApp(t.database, { env: { ...FEISHU_ENV } })
    const init = feishuRequest(cardActionEvent({ openId: approver, value: { command: '批准 1' } }), { tamper: (h) => (h['x-lark-signature'] = '0'.repeat(64)) })
    expect((await app.request('/webhooks/feishu/cards', init)).status).toBe(401)
  })
})

describe('Feishu: 资格 as a form card', () => {
  test('资格 opens a card with the profile form; submitting it answers with clauses or asks only what is left', async () => {
    const applicant = 'ou_applicant_1'
    const b = bot('2016-05-01T02:00:00Z')
    await b.message(applicant, '资格')
    await b.deliver()
    const card = lastTo(`oc_p2p_${applicant}`)
    const { form } = cardParts(card)
    expect(form.fields.map((f: { name: string }) => f.name)).toEqual([
      'programme', 'birthDate', 'educationLevel', 'major', 'licence', 'title', 'clinicalWork', 'clinicalYears', 'employerLevel', 'onEstablishment', 'retired',
    ])
    const answer = await b.click(applicant, form.submit, {
      programme: '基层卫生人才在职学历提升计划',
      birthDate: '1985-04-02 +0800',
      educationLevel: 'associate',
      licence: 'physician',
      employerLevel: 'township',
      onEstablishment: 'yes',
      retired: 'no',
    })
    expect(answer.status).toBe(200)
    expect(answer.body.toast.type).not.toBe('error')
    const shown = answer.body.card.data.body.elements[0].content as string
    // The form's facts are taken: the next question, if any, is about something the form did not ask.
    expect(shown).toMatch(/^为评估 1 项计划（按 2016-05-01 的政策）[\s\S]*请问/)
    for (const given of ['出生日期', '学历层次', '执业资格', '工作单位层级', '是否在编', '是否已退休']) expect(shown).not.toContain(`请问：${given}`)
  })
})
