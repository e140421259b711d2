import { z } from 'zod'
import { officeFor, postingsRunningOn } from '../../../db/repositories/absences'
import { orgsThatSubmitted } from '../../../db/repositories/reminders'
import { holdersOf } from '../../../db/repositories/roles'
import type { Source, Successor } from '../../../rules'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { tenantSuccessors } from '../policy/successors'
import { reportBasis, reportDeadline } from '../report/deadline'
import { reportOverdueNotice, reportReminder } from './notices'
import { REPORT_STAGES, reportStageDay } from './schedule'

/** A period of the report cycle, e.g. `2026-11:due`. */
export const ReportPeriod = z.string().regex(/^\d{4}-\d{2}:(before|due|overdue)$/).transform((p) => {
  const [month, stage] = p.split(':') as [string, (typeof REPORT_STAGES)[number]]
  return { month, stage }
})

export interface ReportReminderResult {
  period: string
  orgs: number
  missing: string[]
  notices: number
  skipped?: 'late'
}

interface ReceivingOrg {
  id: string
  name: string
  policyIds: Set<string>
  postings: { policyId: string; mode: string | null }[]
  doctors: Map<string, string>
}

/**
 * One stage of the month's report cycle for every receiving org with a running posting: 3 days before and on the due
 * date, the org's approvers, directors and posted doctors hear (unless the report is in); the day after, the office
 * above each org gets one list of the orgs still missing.
 */
export async function remindMonthlyReport(deps: UseCaseDeps, input: { tenantId: string; period: string }): Promise<ReportReminderResult> {
  const { month, stage } = ReportPeriod.parse(input.period)
  const { tenantId } = input
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  return deps.db.transaction(async (tx) => {
    // The orgs of the stage's own day, so that a period caught up later still speaks of the right postings.
    const orgs = new Map<string, ReceivingOrg>()
    for (const p of await postingsRunningOn(tx, tenantId, reportStageDay(month, stage))) {
      const org = orgs.get(p.receivingOrgId) ?? { id: p.receivingOrgId, name: p.receivingOrgName, policyIds: new Set<string>(), postings: [] as ReceivingOrg['postings'], doctors: new Map() }
      org.policyIds.add(p.policyId)
      org.postings.push({ policyId: p.policyId, mode: p.mode })
      org.doctors.set(p.personId, p.personName)
      orgs.set(org.id, org)
    }
    const submitted = await orgsThatSubmitted(tx, tenantId, month)
    const successors = await tenantSuccessors(tx, tenantId)
    const missing = [...orgs.values()].filter((o) => !submitted.has(o.id))
    const result: ReportReminderResult = { period: input.period, orgs: orgs.size, missing: missing.map((o) => o.name), notices: 0 }

    if (stage === 'overdue') {
      const byOffice = new Map<string, { orgName: string; due: string; doctors: string[]; source: Source | null }[]>()
      for (const org of missing) {
        const { due, source } = reportTerms(org, month, successors)
        const entry = { orgName: org.name, due, doctors: [...org.doctors.values()].sort((a, b) => a.localeCompare(b, 'zh')), source }
        for (const personId of await officeFor(tx, tenantId, org.id)) byOffice.set(personId, [...(byOffice.get(personId) ?? []), entry])
      }
      for (const [personId, list] of byOffice) {
        const reply = reportOverdueNotice(month, list, list.find((l) => l.source)?.source ?? null)
        await notifyPerson(tx, { tenantId, personId, prefer: 'feishu', reply, key: `report:${month}:overdue:${personId}`, at: now })
        result.notices++
      }
      return result
    }

    for (const org of missing) {
      const { due, source } = reportTerms(org, month, successors)
      // After an outage the "3 days before" reminder is stale once the due date has come; the due-day one says it.
      if (stage === 'before' && today >= due) {
        result.skipped = 'late'
        continue
      }
      const people = new Set([
        ...(await holdersOf(tx, tenantId, 'approver', org.id)),
        ...(await holdersOf(tx, tenantId, 'director', org.id)),
        ...org.doctors.keys(),
      ])
      const reply = reportReminder({ orgName: org.name, month, due, today, source })
      for (const personId of people) {
        await notifyPerson(tx, { tenantId, personId, prefer: 'feishu', reply, key: `report:${month}:${stage}:${org.id}:${personId}`, at: now })
        result.notices++
      }
    }
    return result
  })
}

/**
 * The due date and its clause for an org: the clause only where a policy sets the monthly report for the postings
 * the org has (红会送医 under 附件9); otherwise the date is this deployment's rule and the notice says so.
 */
function reportTerms(org: ReceivingOrg, month: string, successors: readonly Successor[]): { due: string; source: Source | null } {
  const policyId = [...org.policyIds].sort()[0]!
  return { due: reportDeadline(policyId, month, successors).due, source: reportBasis(org.postings, month, successors) }
}
