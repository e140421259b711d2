import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { auditLog, identities, orgs, people, postings, roleAssignments, supportPairs } from '../db/schema'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { ADMIN_TOKEN, createTenant, csv, postImport, rowCounts, workbook } from './support/imports'

const t = useTestDatabase()
const app = () => testApp(t.database, { env: { ADMIN_TOKEN } }).app
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

const ORG_ROWS = [
  ['名称', '层级', '类别', '上级单位', '地区'],
  ['示范市第一人民医院', '三级', '综合', '示范省卫生健康委员会', '示范市'],
  ['示范省卫生健康委员会', '卫健委', '卫健委', '', '示范省'],
  ['示范县人民医院', '县级', '综合', '示范省卫生健康委员会', '示范县'],
  ['城关镇卫生院', '乡镇卫生院', '', '示范县人民医院', '示范县城关镇'],
]
const PEOPLE_ROWS = [
  ['姓名', '职称', '执业资格', '工作单位', '飞书open_id', '企业微信userid', '角色'],
  ['张伟', '主治医师', '执业医师', '示范市第一人民医院', 'ou_zhangwei', 'zhangwei', '医生'],
  ['王芳', '副主任医师', '执业医师', '示范市第一人民医院', 'ou_wangfang', '', '医生'],
  ['赵院长', '主任医师', '执业医师', '示范县人民医院', 'ou_zhao', 'zhaoyz', '院长、审批人'],
  ['孙主任', '', '', '示范省卫生健康委员会', '', 'sunzr', '办公室'],
]

/** The roster an office would send: four sheets, dates as Excel dates and as typed text. */
function rosterWorkbook(options: { zhangweiTitle?: string; zhangweiEnds?: Date } = {}) {
  const peopleRows = PEOPLE_ROWS.map((r) => (r[0] === '张伟' ? [r[0], options.zhangweiTitle ?? r[1], ...r.slice(2)] : r))
  return workbook({
    单位: { rows: ORG_ROWS },
    人员: { rows: peopleRows },
    对口关系: {
      rows: [
        ['支援医院', '受援医院', '政策', '开始日期', '结束日期'],
        ['示范市第一人民医院', '示范县人民医院', 'henan-2015', day('2015-09-01'), day('2018-08-31')],
        ['示范市第一人民医院', '城关镇卫生院', '豫卫发〔2015〕2号', '2015/9/1', ''],
      ],
    },
    派驻: {
      rows: [
        ['姓名', '支援医院', '受援医院', '政策', '开始日期', '结束日期'],
        ['张伟', '示范市第一人民医院', '示范县人民医院', 'henan-2015', day('2016-03-01'), options.zhangweiEnds ?? day('2016-08-31')],
        ['王芳', '示范市第一人民医院', '城关镇卫生院', 'henan-2015', '2016年3月1日', '2016年8月31日'],
      ],
    },
  })
}

beforeAll(async () => {
  for (const id of ['roster-xlsx', 'roster-csv', 'roster-bad', 'roster-gbk']) await createTenant(t.database, id)
})

describe('POST /api/admin/imports?kind=roster: an .xlsx roster with Chinese headers', () => {
  test('creates orgs, people, identities, roles, pairs and postings, mapping the Chinese values', async () => {
    const { status, body } = await postImport(app(), await rosterWorkbook(), { kind: 'roster', tenant: 'roster-xlsx', fileName: '名册.xlsx' })
    expect(status, JSON.stringify(body.errors)).toBe(200)
    expect(body.created).toEqual({ orgs: 4, people: 4, identities: 6, roles: 5, supportPairs: 2, postings: 2 })
    expect(await rowCounts(t.database, 'roster-xlsx')).toEqual({ orgs: 4, people: 4, identities: 6, roles: 5, supportPairs: 2, postings: 2, audit: 23 })

    const db = t.database.db
    const orgRows = await db.select().from(orgs).where(eq(orgs.tenantId, 'roster-xlsx'))
    const org = Object.fromEntries(orgRows.map((o) => [o.name, o]))
    expect(org['示范县人民医院']).toMatchObject({ level: 'county', kind: 'general', parentId: org['示范省卫生健康委员会']!.id, region: '示范县' })
    expect(org['城关镇卫生院']).toMatchObject({ level: 'township', kind: 'general', parentId: org['示范县人民医院']!.id })
    expect(org['示范省卫生健康委员会']).toMatchObject({ level: 'commission', kind: 'commission', parentId: null })

    const [zhang] = await db.select().from(people).where(and(eq(people.tenantId, 'roster-xlsx'), eq(people.name, '张伟')))
    expect(zhang).toMatchObject({ title: 'intermediate', licence: 'physician', employerOrgId: org['示范市第一人民医院']!.id })
    const accounts = await db.select().from(identities).where(eq(identities.personId, zhang!.id))
    expect(accounts.map((a) => `${a.platform}:${a.externalId}`).sort()).toEqual(['feishu:ou_zhangwei', 'wecom:zhangwei'])
    const [zhao] = await db.select().from(people).where(and(eq(people.tenantId, 'roster-xlsx'), eq(people.name, '赵院长')))
    const roles = await db.select().from(roleAssignments).where(eq(roleAssignments.personId, zhao!.id))
    expect(roles.map((r) => r.role).sort()).toEqual(['approver', 'director'])
    expect(new Set(roles.map((r) => r.orgId))).toEqual(new Set([org['示范县人民医院']!.id]))

    const pairs = await db.select().from(supportPairs).where(eq(supportPairs.tenantId, 'roster-xlsx'))
    expect(pairs.map((p) => `${p.policyId} ${p.startsOn} ${p.endsOn}`).sort()).toEqual(['henan-2015 2015-09-01 2018-08-31', 'henan-2015 2015-09-01 null'])
    const [posting] = await db.select().from(postings).where(eq(postings.personId, zhang!.id))
    expect(posting).toMatchObject({ startsOn: '2016-03-01', endsOn: '2016-08-31', policyId: 'henan-2015', receivingOrgId: org['示范县人民医院']!.id })
    expect(posting!.supportPairId).toBe(pairs.find((p) => p.receivingOrgId === org['示范县人民医院']!.id)!.id)
  })

  test('the same file again changes nothing; a changed title and end date are changes with before and after', async () => {
    const again = await postImport(app(), await rosterWorkbook(), { kind: 'roster', tenant: 'roster-xlsx' })
    expect(again.status).toBe(200)
    expect(again.body.plan).toEqual([])
    expect((await rowCounts(t.database, 'roster-xlsx')).audit).toBe(23)

    const edited = await rosterWorkbook({ zhangweiTitle: '副主任医师', zhangweiEnds: day('2016-09-30') })
    const dry = await postImport(app(), edited, { kind: 'roster', tenant: 'roster-xlsx', dryRun: 'true' })
    expect(dry.body.created).toEqual({ orgs: 0, people: 0, identities: 0, roles: 0, supportPairs: 0, postings: 0 })
    expect(dry.body.changed).toEqual({ orgs: 0, people: 1, identities: 0, roles: 0, supportPairs: 0, postings: 1 })
    expect(dry.body.plan.map(({ entity, before, after }) => ({ entity, before, after }))).toEqual([
      { entity: 'person', before: { title: 'intermediate' }, after: { title: 'associateSenior' } },
      { entity: 'posting', before: { endsOn: '2016-08-31' }, after: { endsOn: '2016-09-30' } },
    ])
    expect((await rowCounts(t.database, 'roster-xlsx')).audit).toBe(23)

    const applied = await postImport(app(), edited, { kind: 'roster', tenant: 'roster-xlsx', dryRun: 'false' })
    expect(applied.body.changed).toMatchObject({ people: 1, postings: 1 })
    const updates = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, 'roster-xlsx'), eq(auditLog.action, 'import.updated')))
    expect(updates.map((u) => u.entity).sort()).toEqual(['person', 'posting'])
    const person = updates.find((u) => u.entity === 'person')!
    expect(person.before).toMatchObject({ name: '张伟', title: 'intermediate' })
    expect(person.after).toMatchObject({ name: '张伟', title: 'associateSenior' })
  })
})

describe('roster CSV files: one table per file', () => {
  test('an orgs CSV, then a people CSV referring to it', async () => {
    const orgsFile = await postImport(app(), csv(ORG_ROWS), { kind: 'roster', tenant: 'roster-csv', fileName: '单位.csv' })
    expect(orgsFile.status, JSON.stringify(orgsFile.body.errors)).toBe(200)
    expect(orgsFile.body.created.orgs).toBe(4)
    const peopleFile = await postImport(app(), csv(PEOPLE_ROWS), { kind: 'roster', tenant: 'roster-csv', fileName: '人员.csv' })
    expect(peopleFile.status, JSON.stringify(peopleFile.body.errors)).toBe(200)
    expect(peopleFile.body.created).toMatchObject({ people: 4, identities: 6, roles: 5 })
    expect(peopleFile.body.plan[0]!.source).toEqual({ sheet: '人员', row: 2 })
  })

  test('a CSV saved by Excel on Chinese Windows (GBK) reads as Chinese', async () => {
    // “名称,层级,类别,地区 / 杭州市第一人民医院,三级,综合,杭州市 / 淳安县中医院,县级,中医,杭州市淳安县” in GBK.
    const gbk = Buffer.from(
      'c3fbb3c62cb2e3bcb62cc0e0b1f02cb5d8c7f80d0ababcd6ddcad0b5dad2bbc8cbc3f1d2bdd4ba2cc8fdbcb62cd7dbbacf2cbabcd6ddcad00d0ab4beb0b2cfd8d6d0d2bdd4ba2ccfd8bcb62cd6d0d2bd2cbabcd6ddcad0b4beb0b2cfd80d0a',
      'hex',
    )
    const { status, body } = await postImport(app(), gbk, { kind: 'roster', tenant: 'roster-gbk', fileName: 'orgs.csv' })
    expect(status, JSON.stringify(body.errors)).toBe(200)
    expect(body.plan.map((i) => [i.key.name, i.after.level, i.after.kind])).toEqual([
      ['杭州市第一人民医院', 'tertiary', 'general'],
      ['淳安县中医院', 'county', 'tcm'],
    ])
  })
})

describe('all or nothing', () => {
  test('one bad row among good ones: 422 naming sheet, row and reason, and nothing is written', async () => {
    const bytes = await workbook({
      单位: { rows: ORG_ROWS },
      人员: {
        rows: [
          PEOPLE_ROWS[0]!,
          PEOPLE_ROWS[1]!,
          ['李明', '教授', '执业医师', '示范县人民医院', '', '', '医生'],
          ['陈静', '主治医师', '执业医师', '不存在的医院', '', '', ''],
        ],
      },
    })
    const { status, body } = await postImport(app(), bytes, { kind: 'roster', tenant: 'roster-bad', dryRun: 'false', fileName: 'bad.xlsx' })
    expect(status).toBe(422)
    expect(body.errors).toEqual([
      { sheet: '人员', row: 3, reason: '职称“教授”无法识别（可填：住院医师、医师、主治医师、副主任医师、主任医师、无、无职称、初级 等）' },
      { sheet: '人员', row: 4, reason: '工作单位“不存在的医院”不存在：请先在单位表中列出' },
    ])
    expect(body.plan).toEqual([])
    expect(body.created.orgs).toBe(0)
    expect(await rowCounts(t.database, 'roster-bad')).toEqual({ orgs: 0, people: 0, identities: 0, roles: 0, supportPairs: 0, postings: 0, audit: 0 })
  })

  test('a table missing a column it cannot do without names the header row; a file that is not a workbook says so', async () => {
    const noEnd = await workbook({ 派驻: { rows: [['姓名', '支援医院', '受援医院', '政策', '开始日期'], ['张伟', '甲', '乙', 'henan-2015', '2016-03-01']] } })
    const missing = await postImport(app(), noEnd, { kind: 'roster', tenant: 'roster-bad' })
    expect(missing.status).toBe(422)
    expect(missing.body.errors).toEqual([{ sheet: '派驻', row: 1, reason: '缺少列：结束日期' }])

    const fake = await postImport(app(), new TextEncoder().encode('not a workbook'), { kind: 'roster', tenant: 'roster-bad', fileName: 'x.xlsx' })
    expect(fake.status).toBe(422)
    expect(fake.body.errors).toEqual([{ sheet: 'x.xlsx', row: null, reason: '无法读取：文件名为 .xlsx，但内容不是 Excel 工作簿' }])
  })
})
