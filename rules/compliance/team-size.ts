import type { CompliancePack } from './pack'
import { countStatus } from './lines'
import { factNames, provisionFor } from './select'
import { orgFacts, teamsOnPost } from './facts'
import type { ComplianceLine, ReceivingOrgFacts } from './types'

/**
 * 每批派驻至少N人 (河南 附件8 三(一)1), 每个团队至少N人 (烟台 附件3 二(一)(二)), "331" 3人帮扶小组: the people on post
 * on the reference day, per way of serving, against the team size the text sets for this org.
 */
export function teamSizeLines(pack: CompliancePack, facts: ReceivingOrgFacts): ComplianceLine[] {
  const lines: ComplianceLine[] = []
  for (const team of teamsOnPost(pack, facts)) {
    const rule = provisionFor(pack.posting.provisions, 'teamSize', orgFacts(facts, team.mode), facts.asOf)
    if (rule.kind === 'none' || rule.value.min === undefined) continue
    const base = { policyId: pack.policyId, orgId: facts.org.id, orgName: facts.org.name, requirement: 'teamSize', asks: rule.value.text, unit: rule.value.unit, window: 'day' as const, source: rule.source }
    if (rule.kind === 'unknown') {
      lines.push({ ...base, status: 'unknown', reason: `需先确定${factNames(rule.missing).join('、')}，才能确定团队人数要求`, missing: factNames(rule.missing) })
      continue
    }
    const count = team.members.length
    const judged = countStatus(count, rule.value.min)
    const reason =
      judged.status === 'passed'
        ? `${facts.asOf} 在岗 ${count} ${rule.value.unit ?? ''}，要求至少 ${rule.value.min}`
        : `${facts.asOf} 在岗 ${count} ${rule.value.unit ?? ''}，要求至少 ${rule.value.min}，差 ${judged.shortBy}`
    lines.push({ ...base, ...judged, reason })
  }
  return lines
}
