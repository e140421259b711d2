import { dueDates, POLICY_IDS, type PolicyId, type Source, type Successor } from '../../../rules'

/**
 * The day a month's report is due. Where the org's policy sets a monthly report (豫卫发〔2015〕2号 附件9: the 25th),
 * that date; otherwise the deployment keeps the same rhythm, so offices have one date to remember.
 */
export const DEFAULT_REPORT_DAY = 25

export function reportDeadline(policyId: string, month: string, successors: readonly Successor[] = []): { due: string; fromPolicy: boolean } {
  const year = Number(month.slice(0, 4))
  if ((POLICY_IDS as readonly string[]).includes(policyId)) {
    const answer = dueDates(policyId as PolicyId, year, successors)
    const due = answer.dates.find((d) => d.key === 'monthlyReport' && d.due.startsWith(month))
    if (due) return { due: due.due, fromPolicy: true }
  }
  return { due: `${month}-${String(DEFAULT_REPORT_DAY).padStart(2, '0')}`, fromPolicy: false }
}

/** Said wherever a report date is not a policy's own: the 25th is this deployment's day for every receiving org. */
export const DEPLOYMENT_REPORT_DAY_TEXT = `每月 ${DEFAULT_REPORT_DAY} 日为本系统对各受援单位统一的月报报送日（本部署的规定，非政策原文）`

/**
 * The clause a month's report date can cite for an org, from the postings there: only a policy that sets a monthly
 * report for the kind of posting the org has (豫卫发〔2015〕2号 附件9 三(四) binds 红会送医 teams, not every Henan
 * posting). Null means the date is this deployment's rule.
 */
export function reportBasis(postings: { policyId: string; mode: string | null }[], month: string, successors: readonly Successor[] = []): Source | null {
  for (const p of [...postings].sort((a, b) => a.policyId.localeCompare(b.policyId))) {
    if (!(POLICY_IDS as readonly string[]).includes(p.policyId)) continue
    const due = dueDates(p.policyId as PolicyId, Number(month.slice(0, 4)), successors).dates.find((d) => d.key === 'monthlyReport' && d.due.startsWith(month))
    if (!due) continue
    if (due.audience === 'redCross' && p.mode !== 'redCrossVolunteer') continue
    return due.source
  }
  return null
}
