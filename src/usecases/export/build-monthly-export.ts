import type { Db } from '../../../db/client'
import { tenantExists } from '../../../db/repositories/tenants'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { loadMonthView } from '../office/month-view'
import { officeScope, type Viewer } from '../office/office-scope'
import { monthlyWorkbook } from './monthly-workbook'
import { loadCompliance } from '../compliance/load-compliance'

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export type MonthlyExport =
  | { outcome: 'unknownTenant'; tenantId: string }
  | { outcome: 'built'; fileName: string; bytes: Uint8Array; counts: { postings: number; reports: number; absences: number; audit: number } }

/**
 * 导出: the month's workbook for what the viewer may see (an office its subtree, an admin the tenant); a doctor or
 * anyone without an office role is refused with `not_office`. All reads share one transaction, so the four sheets
 * agree with each other.
 */
export async function buildMonthlyExport(deps: UseCaseDeps, input: { tenantId: string; month: string; viewer: Viewer }): Promise<MonthlyExport> {
  const now = deps.clock.now()
  const loaded = await deps.db.transaction(async (tx: Db) => {
    if (!(await tenantExists(tx, input.tenantId))) return null
    const scope = await officeScope(tx, input.tenantId, input.viewer)
    const today = shanghaiDate(now)
    const month = await loadMonthView(tx, { tenantId: input.tenantId, month: input.month, scope, today })
    // The view has read the month's attendance of every posting 达标 counts present days of (those received in scope):
    // reading it again would be the export's second-largest query.
    const present = new Map(month.postings.filter((p) => p.days.some((d) => d !== undefined)).map((p) => [p.id, { present: p.counts.present }]))
    const met = await loadCompliance(tx, { tenantId: input.tenantId, month: input.month, today, orgIds: scope.tenantWide ? null : scope.orgIds, present })
    return { month, met }
  })
  if (!loaded) return { outcome: 'unknownTenant', tenantId: input.tenantId }
  const { month: view, met } = loaded
  const bytes = monthlyWorkbook(view, { title: `对口支援 ${input.month} 月度汇总`, generatedAt: now }, met)
  return {
    outcome: 'built',
    fileName: exportFileName(input.month),
    bytes,
    counts: { postings: view.postings.length, reports: view.reports.length, absences: view.absences.length, audit: view.audit.length },
  }
}

export function exportFileName(month: string): string {
  return `对口支援月度汇总-${month}.xlsx`
}
