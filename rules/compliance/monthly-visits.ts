import type { DutyPattern } from '../posting/types'
import type { CompliancePack } from './pack'
import { NEEDS } from './labels'
import { firstRule } from './select'
import { personFacts } from './facts'
import type { ComplianceLine, ReceivingOrgFacts } from './types'

/**
 * Visits a month ("331" 名医基层工作站 每月不少于3次，每次不少于1天 — 烟台 附件3 二(一); 帮扶小组到村带教): this deployment
 * counts each day marked present as one visit of a day.
 */
export function monthlyVisitLines(pack: CompliancePack, facts: ReceivingOrgFacts): ComplianceLine[] {
  const lines: ComplianceLine[] = []
  const monthOver = facts.windows.month.closed
  for (const person of facts.people.filter((p) => p.daysInMonth > 0)) {
    const rule = firstRule(
      pack.posting.duty.map((d) => ({ when: d.when, rule: d.pattern })),
      personFacts(pack, facts, person),
      facts.asOf,
    )
    if (rule.kind !== 'found' || rule.value.kind !== 'daysPerMonth') continue
    const pattern = rule.value as Extract<DutyPattern, { kind: 'daysPerMonth' }>
    const asks = `每月不少于 ${pattern.min} 次，每次不少于 ${pattern.minDaysPerVisit} 天`
    const base = { policyId: pack.policyId, orgId: facts.org.id, orgName: facts.org.name, personName: person.personName, requirement: 'visitsPerMonth', asks, unit: '次', window: 'month' as const, source: rule.source }
    if (person.presentDays === undefined) {
      lines.push({ ...base, status: 'unknown', reason: '本月没有考勤记录', missing: [NEEDS.attendance] })
      continue
    }
    const visits = person.presentDays
    if (visits >= pattern.min) lines.push({ ...base, status: 'passed', reason: `本月到岗 ${visits} 天（每天计一次，本部署的计法）` })
    else if (!monthOver) lines.push({ ...base, status: 'pending', reason: `本月到岗目前 ${visits} 天，要求至少 ${pattern.min} 次，本月尚未结束` })
    else lines.push({ ...base, status: 'failed', shortBy: pattern.min - visits, reason: `本月到岗 ${visits} 天，要求至少 ${pattern.min} 次，差 ${pattern.min - visits}（每天计一次，本部署的计法）` })
  }
  return lines
}
