import type { CompliancePack } from './pack'
import { factNames, firstRule } from './select'
import { orgFacts, teamsOnPost } from './facts'
import type { ComplianceLine, ReceivingOrgFacts } from './types'

/** 一个帮扶团队原则上由同一家帮扶医院选派 (烟台 附件3 二(一)(二)): the team on post comes from one supporting hospital. */
export function oneHospitalLines(pack: CompliancePack, facts: ReceivingOrgFacts): ComplianceLine[] {
  const lines: ComplianceLine[] = []
  for (const team of teamsOnPost(pack, facts)) {
    if (team.members.length === 0) continue
    const rule = firstRule(pack.teams.oneHospital, orgFacts(facts, team.mode), facts.asOf)
    if (rule.kind === 'none') continue
    const base = { policyId: pack.policyId, orgId: facts.org.id, orgName: facts.org.name, requirement: 'oneHospital', asks: rule.value.text, window: 'day' as const, source: rule.source }
    if (rule.kind === 'unknown') {
      lines.push({ ...base, status: 'unknown', reason: `需先确定${factNames(rule.missing).join('、')}`, missing: factNames(rule.missing) })
      continue
    }
    const bySupporting = new Map<string, { name: string; count: number }>()
    for (const m of team.members) {
      const entry = bySupporting.get(m.supportingOrgId) ?? { name: m.supportingOrgName, count: 0 }
      entry.count++
      bySupporting.set(m.supportingOrgId, entry)
    }
    const parts = [...bySupporting.values()].map((s) => `${s.name} ${s.count} 人`).join('、')
    if (bySupporting.size === 1) lines.push({ ...base, status: 'passed', reason: `团队 ${team.members.length} 人均来自${[...bySupporting.values()][0]!.name}` })
    else lines.push({ ...base, status: 'failed', reason: `团队 ${team.members.length} 人来自 ${bySupporting.size} 家医院（${parts}），应由同一家帮扶医院选派` })
  }
  return lines
}
