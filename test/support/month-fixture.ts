import ExcelJS from 'exceljs'
import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { absences, attendanceDays, auditLog, escalations, identities, leaveRequests, monthlyReports, orgs, people, postings, roleAssignments, supportPairs } from '../../db/schema'
import { DEMO_TENANT, seedDemo } from '../../src/demo/seed'
import { fixedClock } from '../../src/domain/clock'

const tenantId = DEMO_TENANT

async function personId(database: Database, name: string) {
  const [row] = await database.db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.name, name)))
  return row!.id
}

async function orgId(database: Database, name: string) {
  const [row] = await database.db.select({ id: orgs.id }).from(orgs).where(and(eq(orgs.tenantId, tenantId), eq(orgs.name, name)))
  return row!.id
}

/**
 * The demo (seeded as of 2026-11-23) with a month of records: 张伟's November days of every kind, an absence told
 * to 赵院长, the county's November report on time and its October report late, and a second commission with its own
 * office (周主任, console `zhouzhuren`) and pair, which the demo office must not see and which must not see the demo.
 */
export async function seedMonth(database: Database) {
  const db = database.db
  await seedDemo(db, fixedClock('2026-11-23T00:00:00Z'))
  const zhangwei = await personId(database, '张伟')
  const zhao = await personId(database, '赵院长')
  const county = await orgId(database, '示范县人民医院')
  const [posting] = await db.select().from(postings).where(eq(postings.personId, zhangwei))
  const day = (d: string, status: 'present' | 'unexcused' | 'excused' | 'notRequired' | 'unknown') => ({ tenantId, postingId: posting!.id, day: `2026-11-${d}`, status })
  await db.insert(attendanceDays).values([day('02', 'present'), day('03', 'present'), day('04', 'unexcused'), day('05', 'excused'), day('06', 'excused'), day('07', 'notRequired'), day('08', 'unknown')])
  const request = (kind: 'leave' | 'punchCorrection', d: string) => ({ tenantId, number: 900 + Number(d), kind, postingId: posting!.id, personId: zhangwei, startsOn: `2026-11-${d}`, endsOn: `2026-11-${d}`, reason: '测试', status: 'approved' as const })
  await db.insert(leaveRequests).values([request('punchCorrection', '05'), request('leave', '06')])
  const [absence] = await db.insert(absences).values({ tenantId, postingId: posting!.id, day: '2026-11-04' }).returning()
  await db.insert(escalations).values({ tenantId, postingId: posting!.id, absenceId: absence!.id, step: 1, actions: ['reprimandDoctor'], notifiedPersonIds: [zhao, zhangwei] })

  const report = async (month: string, submittedAt: string, fields: Record<string, unknown>) => {
    const at = new Date(submittedAt)
    const [row] = await db.insert(monthlyReports).values({ tenantId, receivingOrgId: county, month, fields, submittedBy: zhangwei, submittedAt: at, updatedAt: at, createdAt: at }).returning()
    await db.insert(auditLog).values({ tenantId, actorPersonId: zhangwei, action: 'report.submitted', entity: 'monthly_report', entityId: row!.id, before: null, after: { month, fields }, at })
  }
  await report('2026-11', '2026-11-10T02:00:00Z', { outpatientHalfDays: 12, rounds: 8, highlights: '开展首例腹腔镜胆囊切除术' })
  await report('2026-10', '2026-10-28T02:00:00Z', { outpatientHalfDays: 3 })

  // A second commission in the same tenant, with its own office and pair.
  const [other] = await db.insert(orgs).values({ tenantId, name: '另一市卫生健康委员会（测试）', level: 'commission', kind: 'commission' }).returning()
  const [otherCity] = await db.insert(orgs).values({ tenantId, name: '另一市中心医院', level: 'tertiary', kind: 'general', parentId: other!.id }).returning()
  const [otherCounty] = await db.insert(orgs).values({ tenantId, name: '另一县人民医院', level: 'county', kind: 'general', parentId: other!.id }).returning()
  await db.insert(supportPairs).values({ tenantId, supportingOrgId: otherCity!.id, receivingOrgId: otherCounty!.id, policyId: 'henan-2015', startsOn: '2026-01-01', endsOn: '2028-12-31' })
  const [zhou] = await db.insert(people).values({ tenantId, name: '周主任', employerOrgId: other!.id }).returning()
  await db.insert(identities).values({ tenantId, platform: 'console', externalId: 'zhouzhuren', personId: zhou!.id })
  await db.insert(roleAssignments).values({ tenantId, personId: zhou!.id, role: 'office', orgId: other!.id })
  await db.insert(auditLog).values({ tenantId, actorPersonId: zhou!.id, action: 'test.other', entity: 'org', entityId: otherCounty!.id, before: null, after: null, at: new Date('2026-11-12T02:00:00Z') })
  return { zhangwei, zhou: zhou!.id, postingId: posting!.id }
}

export async function openWorkbook(bytes: Uint8Array | ArrayBuffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as ArrayBuffer)
  return book
}

/** A sheet's rows as plain values (row 1 = headers), for comparing cells by header name. */
export function rowsOf(book: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const sheet = book.getWorksheet(name)!
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
  const rows: Record<string, unknown>[] = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    const values = (row.values as unknown[]).slice(1)
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? ''])))
  })
  return rows
}
