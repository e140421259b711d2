import { addDays, addSpan, spanText } from '../core/dates'
import type { Check } from '../core/decision'
import type { IsoDate } from '../core/parameter'
import type { Source } from '../core/source'
import { employerInScope } from './employer-scope'
import { fitsSpan } from './records'
import type { AfterResidency, CreditFacts, ServiceRecord } from './types'

type Fit = 'yes' | 'no' | 'maybe'

// A stint qualifies if it is support at a named level, inside the window, and long enough; a missing fact is "maybe".
function qualifies(record: ServiceRecord, rule: AfterResidency, start: IsoDate, deadline: IsoDate): Fit {
  if (record.kind !== 'counterpartSupport') return 'no'
  const fits: Fit[] = []
  fits.push(record.receivingLevel === undefined ? 'maybe' : rule.receivingLevels.includes(record.receivingLevel) ? 'yes' : 'no')
  if (record.from === undefined || record.to === undefined) fits.push('maybe')
  else fits.push(record.from >= start && record.to < deadline ? 'yes' : 'no')
  fits.push(fitsSpan(record, rule.minContinuous))
  if (fits.includes('no')) return 'no'
  return fits.includes('maybe') ? 'maybe' : 'yes'
}

/**
 * Henan's new-graduate obligation (附件8 四(二)): after 住院医师规范化培训, one continuous stint of the required length
 * at a county hospital or township centre inside the window. Before the window closes a missing stint is pending
 * (unknown), after it the obligation has failed. Absent `residencyCompletedOn` the rule is not applied.
 */
export function afterResidencyCheck(rule: AfterResidency, source: Source, facts: CreditFacts, asOf: IsoDate): Check | null {
  const start = facts.residencyCompletedOn
  if (start === undefined) return null
  const base = { name: 'afterResidency', source }
  const scope = employerInScope(rule.employers, facts.employer)
  if (scope.kind === 'no') return null
  if (scope.kind === 'unknown') {
    return { ...base, status: 'unknown', reason: `需要工作单位层级才能判断是否适用：${rule.requirement}`, missing: scope.missing }
  }
  const deadline = addSpan(start, rule.within)
  const lastDay = addDays(deadline, -1)
  if (facts.records === undefined) {
    return { ...base, status: 'unknown', reason: `需要帮扶经历才能判断：${rule.requirement}（截止${lastDay}）`, missing: ['records'] }
  }
  const fits = facts.records.map((r) => qualifies(r, rule, start, deadline))
  if (fits.includes('yes')) {
    return { ...base, status: 'passed', reason: `已在${lastDay}前完成连续${spanText(rule.minContinuous)}以上帮扶：${rule.requirement}` }
  }
  if (fits.includes('maybe')) {
    return { ...base, status: 'unknown', reason: `帮扶记录缺少层级、起止日期，无法确认：${rule.requirement}`, missing: ['records'] }
  }
  if (asOf < deadline) {
    return { ...base, status: 'unknown', reason: `尚未完成，须在${lastDay}前到县级医院或乡镇卫生院连续帮扶${spanText(rule.minContinuous)}以上：${rule.requirement}` }
  }
  return { ...base, status: 'failed', reason: `未在${lastDay}前完成连续${spanText(rule.minContinuous)}以上帮扶：${rule.requirement}` }
}
