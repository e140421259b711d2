import { packPeriodCheck } from '../core/coverage'
import type { CompliancePack } from './pack'
import { doctorActivityLines } from './doctor-activity'
import { worstFirst } from './lines'
import { mentorshipLines } from './mentorship'
import { monthlyVisitLines } from './monthly-visits'
import { oneHospitalLines } from './one-hospital'
import { pairsPerHospitalLines } from './pairs-per-hospital'
import { reportQuotaLines } from './report-quota'
import { sentTitleLines } from './sent-title'
import { staffShareLines } from './staff-share'
import { teamCompositionLines } from './team-composition'
import { teamSizeLines } from './team-size'
import type { ComplianceLine, ReceivingOrgFacts, SupportingOrgFacts } from './types'

// Outside the pack's period nothing is judged: one line says so and cites where the period ends (or starts).
function outsidePeriod(pack: CompliancePack, subject: { id: string; name: string }, asOf: string): ComplianceLine | null {
  const period = packPeriodCheck(pack.period, asOf)
  if (period.status !== 'failed') return null
  return { policyId: pack.policyId, orgId: subject.id, orgName: subject.name, requirement: 'period', asks: pack.period.description, status: 'notJudged', reason: `不判定：${period.reason}`, window: 'day', source: period.source }
}

/**
 * What a pack asks of one receiving org in a month — team size, composition and origin, each doctor's weekly duties,
 * 师带徒, title bars, visits, and the targets its 月报 counts — each line with its clause, the worst first.
 */
export function receivingOrgCompliance(pack: CompliancePack, facts: ReceivingOrgFacts): ComplianceLine[] {
  const outside = outsidePeriod(pack, facts.org, facts.asOf)
  if (outside) return [outside]
  return [
    ...teamSizeLines(pack, facts),
    ...teamCompositionLines(pack, facts),
    ...oneHospitalLines(pack, facts),
    ...doctorActivityLines(pack, facts),
    ...mentorshipLines(pack, facts),
    ...sentTitleLines(pack, facts),
    ...monthlyVisitLines(pack, facts),
    ...reportQuotaLines(pack, facts),
  ].sort(worstFirst)
}

/** What a pack asks of one supporting hospital: its share of staff sent and how many orgs it is paired with. */
export function supportingOrgCompliance(pack: CompliancePack, facts: SupportingOrgFacts): ComplianceLine[] {
  const outside = outsidePeriod(pack, facts.org, facts.asOf)
  if (outside) return []
  return [...staffShareLines(pack, facts), ...pairsPerHospitalLines(pack, facts)].sort(worstFirst)
}
