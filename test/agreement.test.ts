import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, test } from 'vitest'
import { ZHEJIANG_MODEL_AGREEMENT as M } from '../rules'
import { orgs, supportPairs } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { buildAgreement } from '../src/usecases/agreement/build-agreement'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()
const TOKEN = 'admin-token-for-agreement-tests'
let pairId = ''
let henanPairId = ''

/** The text of a .docx as Word stores it: the runs of word/document.xml, joined. */
function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n')
}

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  const [county] = await t.database.db.select().from(orgs).where(eq(orgs.name, '示范县人民医院'))
  const [pair] = await t.database.db.select().from(supportPairs).where(and(eq(supportPairs.receivingOrgId, county!.id), eq(supportPairs.policyId, 'henan-2015')))
  henanPairId = pair!.id
  // The model is Zhejiang's 附件3: only a pair under the Zhejiang pack may use it. This one receives at a Zhejiang township.
  const [township] = await t.database.db
    .insert(orgs)
    .values({ tenantId: 'demo', name: '浙江示范镇卫生院', level: 'township', kind: 'general', region: '浙江省示范县' })
    .returning()
  const [zhejiang] = await t.database.db
    .insert(supportPairs)
    .values({ tenantId: 'demo', supportingOrgId: pair!.supportingOrgId, receivingOrgId: township!.id, policyId: 'zhejiang-2014', startsOn: pair!.startsOn, endsOn: pair!.endsOn })
    .returning()
  pairId = zhejiang!.id
})

describe('支援协议 (.docx) in the shape of the Zhejiang 附件3 model', () => {
  test('GET /api/admin/support-pairs/:id/agreement returns the filled agreement: parties, every model clause, term, representatives', async () => {
    const { app } = testApp(t.database, { env: { ADMIN_TOKEN: TOKEN } })
    const response = await app.request(`/api/admin/support-pairs/${pairId}/agreement`, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('支援协议-示范市第一人民医院-浙江示范镇卫生院.docx')
    const text = docxText(new Uint8Array(await response.arrayBuffer()))
    expect(text).toContain('甲方（支援医院）：示范市第一人民医院')
    expect(text).toContain('乙方（受援医院）：浙江示范镇卫生院')
    for (const clause of [M.preamble, ...M.duties.supporting.paragraphs, ...M.duties.receiving.paragraphs, M.effect.paragraph]) expect(text).toContain(clause.text)
    expect(text).toMatch(/2026 年 8 月至 2029 年 8 月。/)
    expect(text).toContain('代表：李院长')
  })

  test('a pair under another pack (Henan) is refused, saying why, instead of getting Zhejiang’s title', async () => {
    const { app } = testApp(t.database, { env: { ADMIN_TOKEN: TOKEN } })
    const response = await app.request(`/api/admin/support-pairs/${henanPairId}/agreement`, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(response.status).toBe(422)
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('no_agreement_model')
    expect(body.error.message).toBe(
      '这对支援关系依据的是河南省基层卫生人才工程（369人才工程）（豫卫发〔2015〕2号），该文件没有协议范本。现有范本是浙江省深化万名医师支援农村卫生工程工作方案的附件3，只适用于浙江省的支援关系，不能套用；请按本地文件要求另行拟定协议。',
    )
  })

  test('extra support items go under 四、其他事项, numbered; the model is never shortened', async () => {
    const result = await buildAgreement({ db: t.database.db, clock: fixedClock('2026-11-23T00:00:00Z') }, { tenantId: 'demo', pairId, otherItems: ['每年派驻不少于5人', '共建胸痛中心'] })
    expect(result.ok).toBe(true)
    const text = docxText((result as { bytes: Uint8Array }).bytes)
    expect(text).toMatch(/四、其他事项\n1．每年派驻不少于5人\n2．共建胸痛中心/)
  })

  test.each<{ case: string; headers: Record<string, string>; id: string; status: number }>([
    { case: 'no bearer token', headers: {}, id: 'f0f0f0f0-0000-4000-8000-000000000000', status: 401 },
    { case: 'an unknown pair', headers: { authorization: `Bearer ${TOKEN}` }, id: 'f0f0f0f0-0000-4000-8000-000000000000', status: 404 },
    { case: 'an id that is no UUID', headers: { authorization: `Bearer ${TOKEN}` }, id: 'abc', status: 400 },
  ])('$case → $status', async ({ headers, id, status }) => {
    const { app } = testApp(t.database, { env: { ADMIN_TOKEN: TOKEN } })
    expect((await app.request(`/api/admin/support-pairs/${id}/agreement`, { headers })).status).toBe(status)
  })

  test('npm run cli -- agreement --supporting … --receiving … writes the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duikou-agreement-'))
    const out = join(dir, 'a.docx')
    const args = ['--import', 'tsx', 'src/cli/main.ts', 'agreement', '--supporting', '示范市第一人民医院', '--receiving', '浙江示范镇卫生院', '--out', out]
    const run = spawnSync(process.execPath, args, { cwd: resolve(import.meta.dirname, '..'), encoding: 'utf8', env: { ...process.env, DATABASE_URL: t.url ?? 'memory://' } })
    if (t.url) {
      expect(run.status, run.stderr).toBe(0)
      expect(docxText(readFileSync(out))).toContain('乙方（受援医院）：浙江示范镇卫生院')
    } else {
      // PGlite belongs to this process; a fresh in-memory database has no such pair, and says so.
      expect(run.status).toBe(1)
      expect(run.stderr).toContain('没有找到这对支援关系')
    }
  })
})
