import { z } from 'zod'
import type { Db } from '../../../db/client'
import {
  absencesBetween,
  approvedRequestsBetween,
  attendanceBetween,
  auditRows,
  pairsOverlapping,
  peopleNamed,
  postingsOverlapping,
  reportsOfMonth,
  requestIdsOf,
} from '../../../db/repositories/month-records'
import type { DayStatus } from '../../../db/schema'
import { zodMonth } from '../../domain/strict-input'
import { shanghaiDate } from '../../time/shanghai'
import { reportBasis, reportDeadline } from '../report/deadline'
import { tenantSuccessors } from '../policy/successors'
import type { Source } from '../../../rules'
import type { OfficeScope } from './office-scope'

/** A month of records, as the admin API, the CLI and 导出 take it: a real month in DATA_YEARS. */
export const Month = zodMonth('month')
export type Month = z.infer<typeof Month>

/** A day as the export shows it: the stored status, with an excused day split into leave (请假) and 补卡. */
export type DayMark = Exclude<DayStatus, 'excused'> | 'leave' | 'punchCorrection'
/** submitted: on time; late: after the due date; missing: due date passed without one; notYet: not due yet. */
export type ReportState = 'submitted' | 'late' | 'missing' | 'notYet'

export interface PostingMonth {
  id: string
  personName: string
  supportingOrg: string
  receivingOrgId: string
  receivingOrg: string
  policyId: string
  startsOn: string
  endsOn: string
  /** Marks by day of the month, aligned with `MonthView.days`; a day with no record is undefined. */
  days: (DayMark | undefined)[]
  counts: Record<DayMark, number>
  /** present ÷ (present + unexcused) over judged days; null before any day is judged. 待核实 and 不计 days are not judged. */
  rate: number | null
}

export interface ReportMonth {
  orgId: string
  orgName: string
  due: string
  /** The clause the due date cites (红会送医, 附件9), or null where the 25th is this deployment's rule. */
  dueBasis: Source | null
  state: ReportState
  submittedAt: Date | null
  updatedAt: Date | null
  submitterName: string | null
  fields: Record<string, unknown>
}

export interface MonthView {
  month: string
  days: string[]
  postings: PostingMonth[]
  reports: ReportMonth[]
  absences: { day: string; posting: PostingMonth; status: string; step: number | null; actions: string[]; notified: string[]; withdrawnAt: Date | null }[]
  audit: Awaited<ReturnType<typeof auditRows>>
}

/** Every calendar day of a month, `YYYY-MM-DD`. */
export function daysOf(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)
}

/** The month's bounds as instants: Asia/Shanghai midnight of its first day and of the next month's first day. */
export function monthInstants(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) }
}

const AUDIT_ROWS_PER_MONTH = 50_000

/**
 * What an office sees of one month, read in the caller's transaction: postings whose supporting or receiving org
 * lies in its scope, the reports of receiving orgs in it, absences of those postings, and audit rows about them or
 * made by its people. `today` decides whether a missing report is late yet.
 */
export async function loadMonthView(db: Db, input: { tenantId: string; month: string; scope: OfficeScope; today: string }): Promise<MonthView> {
  const { tenantId, month, scope } = input
  const days = daysOf(month)
  const [first, last] = [days[0]!, days.at(-1)!]
  const name = (id: string) => scope.orgNames.get(id) ?? id
  const inScope = (...ids: string[]) => ids.some((id) => scope.orgIds.has(id))

  const postingRows = (await postingsOverlapping(db, tenantId, first, last)).filter((p) => inScope(p.supportingOrgId, p.receivingOrgId))
  const ids = postingRows.map((p) => p.id)
  const requests = await approvedRequestsBetween(db, ids, first, last)
  const postings = new Map<string, PostingMonth>()
  for (const p of postingRows) {
    postings.set(p.id, {
      id: p.id,
      personName: p.personName,
      supportingOrg: name(p.supportingOrgId),
      receivingOrgId: p.receivingOrgId,
      receivingOrg: name(p.receivingOrgId),
      policyId: p.policyId,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      days: new Array(days.length),
      counts: { open: 0, present: 0, leave: 0, punchCorrection: 0, unexcused: 0, unverified: 0, notCounted: 0, notRequired: 0, unknown: 0 },
      rate: null,
    })
  }
  // Indexed by posting: a province's month has thousands of requests and hundreds of thousands of days.
  const corrections = new Map<string, { startsOn: string; endsOn: string }[]>()
  for (const r of requests) {
    if (r.kind !== 'punchCorrection') continue
    const granted = corrections.get(r.postingId)
    if (granted) granted.push(r)
    else corrections.set(r.postingId, [r])
  }
  for (const recorded of await attendanceBetween(db, ids, first, last)) {
    const posting = postings.get(recorded.postingId)!
    const granted = corrections.get(recorded.postingId)
    for (const day in recorded.days) {
      const status = recorded.days[day]!
      const mark: DayMark = status !== 'excused' ? status : granted?.some((r) => r.startsOn <= day && r.endsOn >= day) ? 'punchCorrection' : 'leave'
      // `YYYY-MM-DD` within the month: its last two digits place it.
      posting.days[Number(day.slice(8)) - 1] = mark
      posting.counts[mark]++
    }
  }
  for (const p of postings.values()) {
    const judged = p.counts.present + p.counts.unexcused
    p.rate = judged === 0 ? null : p.counts.present / judged
  }

  const reports = await reportsOfMonth(db, tenantId, month)
  const successors = await tenantSuccessors(db, tenantId)
  const owed = new Map<string, string>()
  for (const pair of await pairsOverlapping(db, tenantId, first, last)) if (!owed.has(pair.receivingOrgId)) owed.set(pair.receivingOrgId, pair.policyId)
  for (const p of postings.values()) if (!owed.has(p.receivingOrgId)) owed.set(p.receivingOrgId, p.policyId)
  for (const r of reports) if (!owed.has(r.receivingOrgId)) owed.set(r.receivingOrgId, '')
  const postingsTo = new Map<string, typeof postingRows>()
  for (const p of postingRows) {
    const to = postingsTo.get(p.receivingOrgId)
    if (to) to.push(p)
    else postingsTo.set(p.receivingOrgId, [p])
  }
  const reportOf = new Map<string, (typeof reports)[number]>()
  for (const r of reports) if (!reportOf.has(r.receivingOrgId)) reportOf.set(r.receivingOrgId, r)
  const reportMonths: ReportMonth[] = [...owed]
    .filter(([orgId]) => inScope(orgId))
    .map(([orgId, policyId]) => {
      const { due } = reportDeadline(policyId, month, successors)
      const dueBasis = reportBasis(postingsTo.get(orgId) ?? [], month, successors)
      const report = reportOf.get(orgId)
      const submittedOn = report?.submittedAt ? shanghaiDate(report.submittedAt) : null
      const state: ReportState = submittedOn ? (submittedOn > due ? 'late' : 'submitted') : input.today > due ? 'missing' : 'notYet'
      return {
        orgId,
        orgName: name(orgId),
        due,
        dueBasis,
        state,
        submittedAt: report?.submittedAt ?? null,
        updatedAt: report?.updatedAt ?? null,
        submitterName: report?.submitterName ?? null,
        fields: report?.fields ?? {},
      }
    })
    .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh'))

  const absenceRows = (await absencesBetween(db, tenantId, first, last)).filter((a) => postings.has(a.postingId))
  const told = await peopleNamed(db, tenantId, [...new Set(absenceRows.flatMap((a) => a.notifiedPersonIds ?? []))])

  const { from, to } = monthInstants(month)
  const visible = new Set<string>([...ids, ...reports.filter((r) => inScope(r.receivingOrgId)).map((r) => r.id), ...scope.orgIds])
  if (!scope.tenantWide) for (const id of await requestIdsOf(db, ids)) visible.add(id)
  const audit = (await auditRows(db, { tenantId, from, to, limit: AUDIT_ROWS_PER_MONTH })).filter(
    (a) => scope.tenantWide || visible.has(a.entityId) || (a.actorEmployerOrgId !== null && scope.orgIds.has(a.actorEmployerOrgId)),
  )

  return {
    month,
    days,
    postings: [...postings.values()],
    reports: reportMonths,
    absences: absenceRows.map((a) => ({
      day: a.day,
      posting: postings.get(a.postingId)!,
      status: a.status,
      step: a.step,
      actions: a.actions ?? [],
      notified: (a.notifiedPersonIds ?? []).map((id) => told.get(id)?.name ?? id),
      withdrawnAt: a.withdrawnAt,
    })),
    audit,
  }
}
