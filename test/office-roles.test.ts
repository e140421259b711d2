import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { orgs, roleAssignments } from '../db/schema'
import { DEMO_TENANT } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { DomainError } from '../src/domain/errors'
import { buildMonthlyExport } from '../src/usecases/export/build-monthly-export'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { openWorkbook, rowsOf, seedMonth } from './support/month-fixture'

const t = useTestDatabase()
let ids: Awaited<ReturnType<typeof seedMonth>>
beforeAll(async () => {
  ids = await seedMonth(t.database)
})

const deps = () => ({ db: t.database.db, clock: fixedClock('2026-11-23T02:00:00Z') })
const chat = (user: string, text: string) => say(testApp(t.database, { now: '2026-11-23T02:00:00Z' }).app, user, text, randomUUID())

async function exportAs(personId: string) {
  const result = await buildMonthlyExport(deps(), { tenantId: DEMO_TENANT, month: '2026-11', viewer: { kind: 'person', personId } })
  if (result.outcome !== 'built') throw new Error(result.outcome)
  return openWorkbook(result.bytes)
}

describe('roles are enforced in the use-cases', () => {
  test('a doctor cannot export: the use-case refuses with not_office, and so does chat', async () => {
    await expect(buildMonthlyExport(deps(), { tenantId: DEMO_TENANT, month: '2026-11', viewer: { kind: 'person', personId: ids.zhangwei } })).rejects.toThrow(
      new DomainError('not_office'),
    )
    const reply = await chat('zhangwei', '导出 2026-11')
    expect(reply.text).toBe('统计和导出仅对卫健委、医务科等管理办公室人员开放。如需查看，请联系所在单位医务科。')
    expect(reply.notices).toEqual([])
  })

  test('a doctor cannot see the status; a director (not an office) sees their own hospital only, and cannot export', async () => {
    expect((await chat('zhangwei', '统计')).text).toContain('仅对卫健委、医务科等管理办公室人员开放')
    const director = (await chat('zhaoyuanzhang', 'status')).text
    expect(director).toMatch(/^\d{4}-\d{2} status \(示范县人民医院\)/)
    // Received (张伟 at the county hospital) and sent (刘洋 from it), nothing else; no export offered.
    expect(director).toContain('· 张伟 → 示范县人民医院:')
    expect(director).toContain('· 刘洋 → 示范县城关镇卫生院:')
    expect(director).not.toContain('王芳')
    expect(director).not.toContain('export')
    expect((await chat('zhaoyuanzhang', 'export 2026-11')).text).toBe('Statistics and exports are for programme offices (health commission, 医务科) only. Please ask your office.')
  })

  test('an office of another commission sees its own subtree and none of the demo commission’s orgs', async () => {
    const book = await exportAs(ids.zhou)
    expect(rowsOf(book, '月报').map((r) => r['受援单位'])).toEqual(['另一县人民医院'])
    expect(rowsOf(book, '出勤')).toEqual([])
    expect(rowsOf(book, '脱岗与通报')).toEqual([])
    expect(rowsOf(book, '审计').map((r) => r['操作'])).toEqual(['test.other'])
    const status = (await chat('zhouzhuren', '统计')).text
    expect(status).toContain('另一市卫生健康委员会（测试）及下属单位')
    expect(status).toContain('· 另一县人民医院：未提交（截止 2026-11-25）')
    expect(status).not.toContain('示范')
    expect(status).not.toContain('张伟')
  })

  test('the demo office sees its subtree, not the other commission’s', async () => {
    const [sun] = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.role, 'office')).limit(1)
    const book = await exportAs(sun!.personId)
    expect(rowsOf(book, '月报').map((r) => r['受援单位']).sort()).toEqual(['示范县人民医院', '示范县城关镇卫生院'].sort())
    expect(rowsOf(book, '审计').map((r) => r['操作'])).toEqual(['提交月报'])
  })

  test('统计 for the demo office: report states and each posting’s attendance rate', async () => {
    const reply = await chat('sunzhuren', '统计')
    expect(reply.title).toBe('对口支援统计')
    expect(reply.text.split('\n')).toEqual([
      '2026-11 统计（河南省卫生健康委员会（演示）及下属单位）',
      '月报：按时 1 · 逾期提交 0 · 逾期未交 0 · 未到截止日 1',
      '· 示范县城关镇卫生院：未提交（截止 2026-11-25）',
      '· 示范县人民医院：已提交（11-10 张伟）',
      '出勤率（出勤 ÷（出勤 + 脱岗），按已判定的天数）：',
      '· 刘洋 → 示范县城关镇卫生院：—（出勤 0 天，脱岗 0 天）',
      '· 张伟 → 示范县人民医院：66.7%（出勤 2 天，脱岗 1 天）',
      '· 王芳 → 示范县城关镇卫生院：—（出勤 0 天，脱岗 0 天）',
      '导出本月 Excel：导出 2026-11',
    ])
  })

  test('an admin role anywhere in the tenant sees the whole tenant', async () => {
    const [otherCounty] = await t.database.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, '另一县人民医院'))
    await t.database.db.insert(roleAssignments).values({ tenantId: DEMO_TENANT, personId: ids.zhou, role: 'admin', orgId: otherCounty!.id })
    const book = await exportAs(ids.zhou)
    expect(rowsOf(book, '月报').map((r) => r['受援单位']).sort()).toEqual(['另一县人民医院', '示范县人民医院', '示范县城关镇卫生院'].sort())
    await t.database.db.delete(roleAssignments).where(eq(roleAssignments.role, 'admin'))
  })
})

