import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { auditLog, monthlyReports } from '../db/schema'
import { demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { handleAndDeliver, say, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { cardActionEvent, cardParts, FEISHU_ENV, feishuRequest, messageEvent, startFakeFeishu } from './support/feishu'
import { sendersFor } from '../src/platforms/senders'

const t = useTestDatabase()
let feishu: Awaited<ReturnType<typeof startFakeFeishu>>

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  feishu = await startFakeFeishu()
})
afterAll(() => feishu.close())

const as = (now: string) => {
  const { app } = testApp(t.database, { now })
  return (user: string, text: string) => say(app, user, text, randomUUID())
}

describe('月报: the receiving org’s monthly progress report', () => {
  test('a doctor posted to the county hospital saves the report in parts; it is one row per org and month', async () => {
    const send = as('2026-11-10T02:00:00Z')
    const opened = await send('zhangwei', '月报')
    expect(opened.text).toContain('示范县人民医院 2026-11 月报（截止 2026-11-25，尚未填报）')
    expect(opened.form?.fields.map((f) => f.name)).toContain('outpatientHalfDays')

    const first = await send('zhangwei', '月报 门诊=12 查房=8 讲座=2 听课人数=40')
    expect(first.text).toContain('门诊（半天）：12')
    const second = await send('zhaoyuanzhang', '月报 手术=3 亮点=开展首例腹腔镜胆囊切除术 问题=麻醉医师不足')
    expect(second.text).toContain('门诊（半天）：12')
    expect(second.text).toContain('工作亮点：开展首例腹腔镜胆囊切除术')
    const rows = await t.database.db.select().from(monthlyReports).where(eq(monthlyReports.month, '2026-11'))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.fields).toEqual({ outpatientHalfDays: 12, rounds: 8, lectures: 2, lectureAttendees: 40, surgeries: 3, highlights: '开展首例腹腔镜胆囊切除术', problems: '麻醉医师不足' })
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'monthly_report'))).toHaveLength(2)
  })

  test('after the due date changes are refused; a first report is still taken and marked late', async () => {
    const send = as('2026-11-26T02:00:00Z')
    expect((await send('zhangwei', '月报 门诊=13')).text).toBe('2026-11 月报已过截止日期（2026-11-25），不能再修改。如需更正请联系医务科。')
    expect((await send('wangfang', '月报 门诊=6')).text).toContain('示范县城关镇卫生院 2026-11 月报已保存（已逾期，截止日期为 2026-11-25）')
  })

  test.each([
    ['月报 门诊=十二', '门诊（半天）应填写 0 到 100000 之间的整数'],
    ['月报 天气=晴', '不认识“天气”'],
    ['月报 随便写写', '没有找到“项目=数值”'],
  ])('%s → not saved, with what to fix', async (text, expected) => {
    const reply = await as('2026-12-02T02:00:00Z')('liuyang', text)
    expect(reply.text).toContain('月报未保存')
    expect(reply.text).toContain(expected)
  })

  test('someone with no receiving org is told there is nothing to report', async () => {
    expect((await as('2026-12-02T02:00:00Z')('liyuanzhang', '月报 门诊=1')).text).toContain('无需填报月报')
  })

  test('on Feishu, 月报 opens a form card; submitting it with some fields empty saves the filled ones', async () => {
    const { app, clock, config } = testApp(t.database, { now: '2026-12-03T02:00:00Z', env: { ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url } })
    const openId = demoFeishuOpenId('liuyang')
    await app.request('/webhooks/feishu/events', feishuRequest(messageEvent({ openId, text: '月报' }), { now: clock.now() }))
    await handleAndDeliver({ db: t.database.db, clock, senders: sendersFor(config) })
    const card = feishu.delivered.filter((m) => m.receiveId === `oc_p2p_${openId}`).at(-1)!
    const { form } = cardParts(card)
    expect(form.fields).toHaveLength(18)
    const response = await app.request(
      '/webhooks/feishu/cards',
      feishuRequest(cardActionEvent({ openId, value: form.submit, formValue: { outpatientHalfDays: '9', patientsServed: '210', highlights: '' } }), { now: clock.now() }),
    )
    const body = (await response.json()) as { toast: { type: string; content: string } }
    expect(body.toast, JSON.stringify(body)).toMatchObject({ type: 'success' })
    const [row] = await t.database.db.select().from(monthlyReports).where(eq(monthlyReports.month, '2026-12'))
    expect(row!.fields).toEqual({ outpatientHalfDays: 9, patientsServed: 210 })
  })
})
