import { ROLE_TEXT } from '../posting/labels'
import type { CompliancePack } from './pack'
import { NEEDS } from './labels'
import { factNames, firstRule } from './select'
import { orgFacts, teamsOnPost } from './facts'
import type { ComplianceLine, ReceivingOrgFacts } from './types'

/** 涵盖管理、医疗、药学、医技、护理 (河南 附件8 三(一)1) and the like: every 专业 the text names is on the team. */
export function teamCompositionLines(pack: CompliancePack, facts: ReceivingOrgFacts): ComplianceLine[] {
  const lines: ComplianceLine[] = []
  for (const team of teamsOnPost(pack, facts)) {
    const rule = firstRule(pack.teams.composition, orgFacts(facts, team.mode), facts.asOf)
    if (rule.kind === 'none') continue
    const base = { policyId: pack.policyId, orgId: facts.org.id, orgName: facts.org.name, requirement: 'teamComposition', asks: rule.value.text, window: 'day' as const, source: rule.source }
    if (rule.kind === 'unknown') {
      lines.push({ ...base, status: 'unknown', reason: `需先确定${factNames(rule.missing).join('、')}`, missing: factNames(rule.missing) })
      continue
    }
    const roles = new Set(team.members.flatMap((m) => (m.role ? [m.role] : [])))
    const lacking = rule.value.needs.filter((any) => !any.some((r) => roles.has(r)))
    const label = (any: string[]) => any.map((r) => ROLE_TEXT[r as keyof typeof ROLE_TEXT]).join('或')
    const unnamed = team.members.filter((m) => !m.role).map((m) => m.personName)
    if (lacking.length === 0) lines.push({ ...base, status: 'passed', reason: `团队涵盖${rule.value.needs.map(label).join('、')}` })
    else if (unnamed.length > 0)
      lines.push({ ...base, status: 'unknown', reason: `尚缺${lacking.map(label).join('、')}，但${unnamed.join('、')}的岗位类别未登记`, missing: [NEEDS.role] })
    else lines.push({ ...base, status: 'failed', shortBy: lacking.length, unit: '个专业', reason: `团队缺少${lacking.map(label).join('、')}` })
  }
  return lines
}
