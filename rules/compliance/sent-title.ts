import { valueAt } from '../core/parameter'
import { matchSelector } from '../posting/selector'
import { titleCheck } from '../posting/who-may-be-sent'
import type { CompliancePack } from './pack'
import { factNames } from './select'
import { personFacts } from './facts'
import type { ComplianceLine, ReceivingOrgFacts } from './types'

/**
 * 派驻高年资主治医师以上人员 (长春 三(一)3; 浙江 附件3 二(一)2; 烟台 中医馆坐诊的高级职称): the title bars a text sets as a
 * requirement, for each person on post. Bars worded 原则上 or 以…为主 speak of the whole group sent and are left to
 * `资格`/`我的`, not counted against one person here.
 */
export function sentTitleLines(pack: CompliancePack, facts: ReceivingOrgFacts): ComplianceLine[] {
  const lines: ComplianceLine[] = []
  for (const person of facts.people.filter((p) => p.onPost)) {
    const known = personFacts(pack, facts, person)
    for (const rule of pack.posting.send) {
      if (rule.check !== 'title') continue
      const at = valueAt(rule.rule, facts.asOf)
      if (!at.covered || at.value.strength !== 'required') continue
      const match = matchSelector(rule.when, known)
      if (match.kind === 'no') continue
      const base = { policyId: pack.policyId, orgId: facts.org.id, orgName: facts.org.name, personName: person.personName, requirement: 'title', asks: at.value.requirement, window: 'day' as const, source: at.source }
      if (match.kind === 'unknown') {
        lines.push({ ...base, status: 'unknown', reason: `需先确定${factNames(match.missing).join('、')}`, missing: factNames(match.missing) })
        continue
      }
      const check = titleCheck(at.value, at.source, known)
      const missing = check.missing ? factNames(check.missing as never) : undefined
      lines.push({ ...base, status: check.status, reason: check.reason, ...(missing ? { missing } : {}) })
    }
  }
  return lines
}
