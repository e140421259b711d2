import type { CompliancePack } from './pack'
import { NEEDS } from './labels'
import { countStatus } from './lines'
import { factNames, provisionFor } from './select'
import { personFacts } from './facts'
import type { ComplianceLine, ReceivingOrgFacts } from './types'

/** 师带徒 (四川 五(六)): a person posted to a 深度贫困县 mentors at least as many apprentices as the org's kind asks. */
export function mentorshipLines(pack: CompliancePack, facts: ReceivingOrgFacts): ComplianceLine[] {
  const lines: ComplianceLine[] = []
  for (const person of facts.people.filter((p) => p.onPost)) {
    const rule = provisionFor(pack.posting.provisions, 'mentees', personFacts(pack, facts, person), facts.asOf)
    if (rule.kind === 'none' || rule.value.min === undefined) continue
    const base = { policyId: pack.policyId, orgId: facts.org.id, orgName: facts.org.name, personName: person.personName, requirement: 'mentees', asks: rule.value.text, unit: rule.value.unit, window: 'day' as const, source: rule.source }
    if (rule.kind === 'unknown') {
      lines.push({ ...base, status: 'unknown', reason: `需先确定${factNames(rule.missing).join('、')}，才能判断师带徒要求`, missing: factNames(rule.missing) })
    } else if (person.apprentices === undefined) {
      lines.push({ ...base, status: 'unknown', reason: `未登记${person.personName}的帮带对象`, missing: [NEEDS.apprentices] })
    } else {
      const judged = countStatus(person.apprentices, rule.value.min)
      const gap = judged.status === 'failed' ? `，差 ${judged.shortBy}` : ''
      lines.push({ ...base, ...judged, reason: `帮带 ${person.apprentices} ${rule.value.unit ?? ''}，要求至少 ${rule.value.min}${gap}（文件“原则上”要求）` })
    }
  }
  return lines
}
