import { dueDates, POLICY_IDS, type PolicyId, type Successor } from '../../../rules'

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
