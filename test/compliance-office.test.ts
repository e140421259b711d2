import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { outbox, tenants } from '../db/schema'
import { fixedClock } from '../src/domain/clock'
import { runDueJobs } from '../src/jobs/run-jobs'
import { buildMonthlyExport } from '../src/usecases/export/build-monthly-export'
import { handleMessage } from '../src/usecases/handle-message'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { ADMIN_TOKEN, createTenant, postImport, workbook } from './support/imports'
import { openWorkbook, rowsOf } from './support/month-fixture'

// A Henan county hospital with 4 posted (short by 1), a 中医院 with 3 (holds), and a doctor whose 月报 shows 8
// outpatient half-days over four weeks: through the roster import, the 月报 and 达标 in chat, the export and the notice.

const t = useTestDatabase()
const TENANT = 'dabiao'
const NOW = '2016-02-20T02:00:00Z'
const clock = (at = NOW) => fixedClock(at)

const say = async (openId: string, text: string, at = NOW) =>
  handleMessage({ db: t.database.db, clock: clock(at) }, { platform: 'feishu', tenantId: TENANT, eventId: randomUUID(), senderExternalId: openId, text })

beforeAll(async () => {
  await createTenant(t.database, TENANT)
  const { app } = testApp(t.database, { now: NOW, env: { ADMIN_TOKEN } })
  const person = (name: string, employer: string, id: string, role: string, post: string) => [name, '主治医师', '执业医师', employer, id, role, post]
  const bytes = await workbook({
    单位: {
      rows: [
        ['名称', '层级', '类别', '上级单位', '深度贫困县', '专业技术人员数'],
        ['某市卫健委', '卫健委', '卫健委', '', '', ''],
        ['某市中心医院', '三级', '综合', '某市卫健委', '', 500],
        ['某县人民医院', '县级', '综合', '某市卫健委', '否', ''],
        ['某县中医院', '县级', '中医', '某市卫健委', '否', ''],
      ],
    },
    人员: {
      rows: [
        ['姓名', '职称', '执业资格', '工作单位', '飞书', '角色', '岗位'],
        ['周主任', '', '', '某市卫健委', 'ou_office', '办公室', ''],
        ['吴院长', '主任医师', '执业医师', '某县人民医院', 'ou_director', '院长', '管理'],
        person('张伟', '某市中心医院', 'ou_zhangwei', '医生', '医疗'),
        person('李娜', '某市中心医院', '', '医生', '护理'),
        person('王强', '某市中心医院', '', '医生', '药学'),
        person('赵敏', '某市中心医院', '', '医生', '医技'),
        person('钱一', '某市中心医院', '', '医生', ''),
        person('钱二', '某市中心医院', '', '医生', ''),
        person('钱三', '某市中心医院', '', '医生', ''),
      ],
    },
    对口关系: {
      rows: [
        ['支援医院', '受援医院', '政策', '开始日期', '结束日期'],
        ['某市中心医院', '某县人民医院', 'henan-2015', '2015-09-01', '2018-08-31'],
        ['某市中心医院', '某县中医院', 'henan-2015', '2015-09-01', '2018-08-31'],
      ],
    },
    派驻: {
      rows: [
        ['姓名', '支援医院', '受援医院', '政策', '开始日期', '结束日期', '帮扶形式'],
        ...['张伟', '李娜', '王强', '赵敏'].map((n) => [n, '某市中心医院', '某县人民医院', 'henan-2015', '2016-01-01', '2016-06-30', '驻点']),
        ...['钱一', '钱二', '钱三'].map((n) => [n, '某市中心医院', '某县中医院', 'henan-2015', '2016-01-01', '2016-06-30', '']),
      ],
    },
  })
  const imported = await postImport(app, bytes, { kind: 'roster', tenant: TENANT, dryRun: 'false', fileName: 'roster.xlsx' })
  expect(imported.body.errors).toEqual([])
  expect(imported.status).toBe(200)
}, 60_000)

describe('the 月报 takes per-doctor numbers with the same validation', () => {
  test('a name that is not posted there, or a value that is no whole number, saves nothing', async () => {
    expect((await say('ou_zhangwei', '月报 门诊@李四=3')).text).toContain('“李四”不是本月派驻到本单位的医生')
    expect((await say('ou_zhangwei', '月报 门诊@我=三')).text).toContain('应填写非负整数')
  })

  test('a doctor writes their own 2 outpatient half-days a week (8 in February)', async () => {
    const reply = await say('ou_zhangwei', '月报 门诊@我=8 教学查房@张伟=4 科内教学@我=2 远程教学=1')
    expect(reply.tone).toBe('success')
    expect(reply.text).toContain('张伟：出门诊（个半天）8')
  })
})

describe('达标 in chat', () => {
  test('the office reads per hospital what falls short and by how much, with the clause, the worst first', async () => {
    const reply = await say('ou_office', '达标')
    const text = reply.text
    expect(text).toContain('2016-02（某市卫健委及下属单位')
    expect(text.indexOf('【某县人民医院】')).toBeLessThan(text.indexOf('【某县中医院】'))
    expect(text).toMatch(/【未达标】每批向每所受援医院派驻至少5人 — 2016-02-20 在岗 4 人，要求至少 5，差 1\n {3}依据：豫卫发〔2015〕2号 附件8 三\(一\)1/)
    expect(text).toContain('【未达标】张伟：每周出门诊至少3个半天 — 出门诊（个半天） 8，差 4')
    expect(text).toMatch(/【达标】每批向受援中医院派驻至少3人 — 2016-02-20 在岗 3 人/)
    // The roster names 岗位 for the county team, so what it lacks is named; the 中医院 team's is asked for.
    expect(text).toContain('团队缺少管理人员')
    expect(text).toContain('需要：岗位类别')
    expect(reply.table!.rows[0]).toMatchObject({ org: '某县人民医院', status: '未达标（差 4个半天）' })
  })

  test('a director sees their own hospital only; a doctor is refused', async () => {
    const reply = await say('ou_director', 'compliance 2016-02')
    expect(reply.text).toContain('2016-02 (某县人民医院')
    expect(reply.text).not.toContain('某县中医院')
    expect((await say('ou_zhangwei', '达标')).text).toContain('仅对卫健委、医务科等管理办公室人员开放')
  })
})

describe('the export and the month-end notice', () => {
  test('the month\'s workbook holds a 达标 sheet with the same lines', async () => {
    const office = await say('ou_office', '达标')
    const built = await buildMonthlyExport({ db: t.database.db, clock: clock() }, { tenantId: TENANT, month: '2016-02', viewer: { kind: 'admin' } })
    if (built.outcome !== 'built') throw new Error(built.outcome)
    const rows = rowsOf(await openWorkbook(built.bytes), '达标')
    expect(rows).toHaveLength(office.table!.rows.length)
    expect(rows[0]).toMatchObject({ 单位: '某县人民医院', 情况: '未达标', 条款: '附件8 三(一)1' })
  })

  test('on the first workday of March each office gets one notice listing who fell short in February', async () => {
    // The deployment dates from before the month judged, so the month is due.
    await t.database.db.update(tenants).set({ createdAt: new Date('2016-01-01T00:00:00Z') }).where(eq(tenants.id, TENANT))
    const deps = { db: t.database.db, clock: clock('2016-03-01T00:30:00Z') }
    expect((await runDueJobs(deps, { only: 'compliance-notice' })).filter((r) => r.period === '2016-02')).toEqual([])
    const later = await runDueJobs({ ...deps, clock: clock('2016-03-01T01:30:00Z') }, { only: 'compliance-notice' })
    expect(later.find((r) => r.period === '2016-02')?.result).toMatchObject({ month: '2016-02', shortOrgs: ['某县人民医院'], notices: 1 })
    expect(await runDueJobs({ ...deps, clock: clock('2016-03-02T01:30:00Z') }, { only: 'compliance-notice' })).toEqual([])
    const sent = await t.database.db.select().from(outbox).where(eq(outbox.tenantId, TENANT))
    const notice = sent.filter((m) => m.idempotencyKey.startsWith('compliance:2016-02'))
    expect(notice).toHaveLength(1)
    expect(JSON.stringify(notice[0]!.message)).toContain('某县人民医院')
  })
})
