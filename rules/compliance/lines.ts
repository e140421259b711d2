import type { ComplianceLine, ComplianceStatus } from './types'

const ORDER: ComplianceStatus[] = ['failed', 'unknown', 'pending', 'notJudged', 'passed']

/** Worst first: short before unknown before in progress before not judged before holding; bigger gaps first. */
export function worstFirst(a: ComplianceLine, b: ComplianceLine): number {
  const byStatus = ORDER.indexOf(a.status) - ORDER.indexOf(b.status)
  if (byStatus !== 0) return byStatus
  return (b.shortBy ?? 0) - (a.shortBy ?? 0)
}

/** The worse of two statuses. */
export function worse(a: ComplianceStatus, b: ComplianceStatus): ComplianceStatus {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b
}

/** A count against a minimum: passed, or failed by the difference. */
export function countStatus(count: number, min: number): { status: ComplianceStatus; shortBy?: number } {
  return count >= min ? { status: 'passed' } : { status: 'failed', shortBy: min - count }
}
