import { spanDayBounds, spanText } from '../core/dates'
import type { CompliancePack } from './pack'
import { DOCTOR_MEASURE_TEXT, NEEDS } from './labels'
import { DOCTOR_MEASURE_OF } from './measures'
import { factNames, provisionFor, provisionKeys } from './select'
import { personFacts } from './facts'
import type { ComplianceLine, ReceivingOrgFacts } from './types'

/**
 * 每名派驻医师每周出门诊至少3个半天、每周1次教学查房、每2周1次科内临床教学 (河南 附件8 三(一)1), from the month's 月报
 * per doctor. This deployment counts the whole periods a doctor was on post in the month (days on post ÷ 7 for
 * "每周", ÷ 14 for "每2周"), so a doctor who arrived mid-month owes only the weeks served; the text sets no such rule.
 */
export function doctorActivityLines(pack: CompliancePack, facts: ReceivingOrgFacts): ComplianceLine[] {
  const keys = provisionKeys(pack.posting.provisions, facts.asOf, (p) => p.scope === 'person' && p.kind === 'activity' && p.per !== undefined && p.key in DOCTOR_MEASURE_OF)
  const lines: ComplianceLine[] = []
  for (const person of facts.people.filter((p) => p.daysInMonth > 0)) {
    for (const key of keys) {
      const rule = provisionFor(pack.posting.provisions, key, personFacts(pack, facts, person), facts.asOf)
      if (rule.kind === 'none' || rule.value.min === undefined || !rule.value.per) continue
      const measure = DOCTOR_MEASURE_OF[key]!
      const base = { policyId: pack.policyId, orgId: facts.org.id, orgName: facts.org.name, personName: person.personName, requirement: key, asks: rule.value.text, unit: rule.value.unit, window: 'month' as const, source: rule.source }
      if (rule.kind === 'unknown') {
        const missing = factNames(rule.missing).map((m) => (rule.missing.includes('role') ? NEEDS.role : m))
        lines.push({ ...base, status: 'unknown', reason: `需先确定${missing.join('、')}，才能判断是否适用`, missing })
        continue
      }
      const periods = Math.floor(person.daysInMonth / spanDayBounds(rule.value.per).min)
      const owed = periods * rule.value.min
      const done = person.activity[measure]
      const per = spanText(rule.value.per)
      if (periods === 0) {
        lines.push({ ...base, status: 'notJudged', reason: `本月在岗 ${person.daysInMonth} 天，不足${per}，本月不计` })
        continue
      }
      if (done === undefined) {
        const field = `月报：${DOCTOR_MEASURE_TEXT[measure]}（${person.personName}）`
        lines.push({ ...base, status: 'unknown', reason: `月报未填写${person.personName}的${DOCTOR_MEASURE_TEXT[measure]}`, missing: [field] })
        continue
      }
      const counted = `本月在岗 ${person.daysInMonth} 天，按 ${periods} 个${per}计应至少 ${owed}（本部署按整${per}计）`
      if (done >= owed) lines.push({ ...base, status: 'passed', reason: `${DOCTOR_MEASURE_TEXT[measure]} ${done}；${counted}` })
      else lines.push({ ...base, status: 'failed', shortBy: owed - done, reason: `${DOCTOR_MEASURE_TEXT[measure]} ${done}，差 ${owed - done}；${counted}` })
    }
  }
  return lines
}
