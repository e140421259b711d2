import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { auditLog, orgs, supportPairs } from '../db/schema'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { ADMIN_TOKEN, createTenant, csv, postImport, rowCounts, workbook } from './support/imports'

const FIXTURE = readFileSync(resolve(import.meta.dirname, 'fixtures/zhejiang-annex1-provincial-support-pairs.xlsx'))
const t = useTestDatabase()
const app = () => testApp(t.database, { env: { ADMIN_TOKEN } }).app

beforeAll(async () => {
  for (const id of ['zj-annex1', 'zj-multipart', 'zj-count', 'zj-annex2']) await createTenant(t.database, id)
})

describe('POST /api/admin/imports?kind=zhejiang-pairs: the 附件1 fixture', () => {
  test('dry run plans 18 supporting + 39 receiving hospitals and 41 pairs and writes nothing', async () => {
    const { status, body } = await postImport(app(), FIXTURE, { kind: 'zhejiang-pairs', dryRun: 'true', tenant: 'zj-annex1', fileName: 'annex1.xlsx' })
    expect(status).toBe(200)
    expect(body.dryRun).toBe(true)
    expect(body.errors).toEqual([])
    // 41 pairs name 41 receiving hospitals, but 宁海县妇幼保健院 and 岱山县第一人民医院 each appear twice: 39 orgs.
    expect(body.created).toEqual({ orgs: 18 + 39, people: 0, identities: 0, roles: 0, supportPairs: 41, postings: 0 })
    expect(body.changed).toEqual({ orgs: 0, people: 0, identities: 0, roles: 0, supportPairs: 0, postings: 0 })
    expect(await rowCounts(t.database, 'zj-annex1')).toMatchObject({ orgs: 0, supportPairs: 0, audit: 0 })
  })

  test('the real run writes them with the text’s cycle and one audit row each; a second run changes nothing', async () => {
    const first = await postImport(app(), FIXTURE, { kind: 'zhejiang-pairs', dryRun: 'false', tenant: 'zj-annex1' })
    expect(first.status).toBe(200)
    expect(first.body.created).toMatchObject({ orgs: 57, supportPairs: 41 })
    expect(await rowCounts(t.database, 'zj-annex1')).toMatchObject({ orgs: 57, supportPairs: 41, audit: 98 })

    const stored = await t.database.db.select().from(orgs).where(eq(orgs.tenantId, 'zj-annex1'))
    expect(stored.filter((o) => o.level === 'tertiary')).toHaveLength(18)
    expect(stored.filter((o) => o.level === 'county')).toHaveLength(39)
    expect(stored.find((o) => o.name === '浙江省中医院')?.kind).toBe('tcm')
    const pairs = await t.database.db.select().from(supportPairs).where(eq(supportPairs.tenantId, 'zj-annex1'))
    expect(new Set(pairs.map((p) => `${p.policyId} ${p.startsOn} ${p.endsOn}`))).toEqual(new Set(['zhejiang-2014 2014-01-01 2016-12-31']))
    const byId = new Map(stored.map((o) => [o.id, o.name]))
    const fromZju2 = pairs.filter((p) => byId.get(p.supportingOrgId) === '浙江大学医学院附属第二医院').map((p) => byId.get(p.receivingOrgId))
    expect(fromZju2.sort()).toEqual(['兰溪市人民医院', '建德市第一人医院', '衢江区人民医院', '龙泉市人民医院'].sort())

    const planned = first.body.plan.find((i) => i.entity === 'supportPair')!
    expect(planned.basis.agreementsDueBy).toBe('2014-02-15')
    expect(planned.basis.sources.map((s: { clause: string }) => s.clause)).toEqual(['一', '四(二)', '四(一)'])
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, 'zj-annex1'), eq(auditLog.entity, 'support_pair')))
      .limit(1)
    expect(audit).toMatchObject({ action: 'import.created', actorPersonId: null, actorLabel: '管理员接口（ADMIN_TOKEN）', before: null })
    expect(audit!.after).toMatchObject({ policyId: 'zhejiang-2014', startsOn: '2014-01-01' })

    const again = await postImport(app(), FIXTURE, { kind: 'zhejiang-pairs', dryRun: 'false', tenant: 'zj-annex1' })
    expect(again.status).toBe(200)
    expect(again.body.plan).toEqual([])
    expect(Object.values(again.body.created).every((n) => n === 0)).toBe(true)
    expect(await rowCounts(t.database, 'zj-annex1')).toMatchObject({ orgs: 57, supportPairs: 41, audit: 98 })
  })

  test('a multipart form with a `file` field works the same, its file name coming from the part', async () => {
    const form = new FormData()
    form.append('file', new File([FIXTURE], 'annex1.xlsx'))
    const response = await app().request('/api/admin/imports?kind=zhejiang-pairs&dryRun=true&tenant=zj-multipart', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: form,
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { created: { supportPairs: number }; plan: { source: { sheet: string } }[] }
    expect(body.created.supportPairs).toBe(41)
    expect(body.plan[0]!.source.sheet).toBe('18家省级医院（含部队医院）对口支援关系表')
  })
})

describe('Zhejiang tables as offices keep them', () => {
  test('支援数 that disagrees with the counted pairs is an error naming sheet and row; nothing is written', async () => {
    const bytes = await workbook({
      附件1: {
        rows: [['省级医院对口支援关系表'], ['支援医院', '支援数', '受援医院'], ['甲医院', 1, '一县人民医院'], ['甲医院', 3, '二县人民医院'], ['乙医院', 1, '三县人民医院']],
        merges: ['A1:C1', 'A3:A4'],
      },
    })
    const { status, body } = await postImport(app(), bytes, { kind: 'zhejiang-pairs', dryRun: 'false', tenant: 'zj-count' })
    expect(status).toBe(422)
    expect(body.errors).toEqual([{ sheet: '附件1', row: 4, reason: '支援数为 3，但这是“甲医院”列出的第 2 家受援医院（共 2 家）' }])
    expect(body.plan).toEqual([])
    expect(await rowCounts(t.database, 'zj-count')).toMatchObject({ orgs: 0, supportPairs: 0, audit: 0 })
  })

  test('a 附件2-style CSV: region column broken over lines, blank cells continuing the row above, full-width padding', async () => {
    const bytes = csv([
      ['各市三级医院对口支援关系表'],
      ['地区', '支援医院', '支援数', '受援医院'],
      ['杭\n\n州\n\n市', '杭州市第一人民医院', 1, '富阳市第二人民医院'],
      ['', '', 2, '桐庐县第二人民医院'],
      ['', '杭州市第三人民医院', 1, '建德市第二人民医院'],
      ['', '', 2, '桐庐富春江中心卫生院'],
      ['宁\n波\n市', '宁波市第一医院\u3000', 1, '宁波市第九医院'],
    ])
    const { status, body } = await postImport(app(), bytes, { kind: 'zhejiang-pairs', dryRun: 'false', tenant: 'zj-annex2', fileName: 'annex2.csv' })
    expect(status, JSON.stringify(body.errors)).toBe(200)
    expect(body.created).toMatchObject({ orgs: 8, supportPairs: 5 })
    const stored = await t.database.db.select().from(orgs).where(eq(orgs.tenantId, 'zj-annex2'))
    const named = Object.fromEntries(stored.map((o) => [o.name, o]))
    expect(named['杭州市第三人民医院']).toMatchObject({ region: '杭州市', level: 'tertiary' })
    expect(named['宁波市第一医院']).toMatchObject({ region: '宁波市' })
    expect(named['桐庐富春江中心卫生院']).toMatchObject({ level: 'township', region: null })
    expect(body.plan.find((i) => i.entity === 'supportPair')!.source).toEqual({ sheet: 'annex2', row: 3 })
  })

  test('a receiving hospital with no supporting hospital above it is an error for that row', async () => {
    const bytes = csv([['支援医院', '受援医院'], ['', '一县人民医院'], ['甲医院', '']])
    const { status, body } = await postImport(app(), bytes, { kind: 'zhejiang-pairs', dryRun: 'true', tenant: 'zj-count', fileName: '表.csv' })
    expect(status).toBe(422)
    expect(body.errors).toEqual([
      { sheet: '表', row: 2, reason: '缺少支援医院' },
      { sheet: '表', row: 3, reason: '缺少受援医院' },
    ])
  })
})
