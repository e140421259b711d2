import { spanDayBounds, spanText } from '../core/dates'
import type { Check } from '../core/decision'
import type { Source } from '../core/source'
import { fitsSpan, type RecordResult } from './records'
import type { Prerequisite, ServiceRecord } from './types'

function openMissing(records: RecordResult[]): string[] {
  return [...new Set(records.filter((r) => r.status === 'unknown').flatMap((r) => r.checks.flatMap((c) => c.missing ?? [])))]
}

/**
 * Whether credited service meets a prerequisite's length. Stints add up where the text says so; otherwise one stint
 * must last the whole span. A length the text does not state leaves the answer open once any service is credited.
 */
export function lengthCheck(
  prereq: { value: Prerequisite; source: Source },
  records: RecordResult[],
  inputs: ServiceRecord[] | null,
): Check {
  const { required, requirement, accumulates, consequence } = prereq.value
  const base = { name: 'serviceLength', source: prereq.source }
  if (inputs === null) {
    return { ...base, status: 'unknown', reason: `需要下派服务记录才能判断：${requirement}`, missing: ['records'] }
  }
  const credited = records.filter((r) => r.status === 'credited')
  const open = records.filter((r) => r.status === 'unknown')
  const creditedDays = credited.reduce((sum, r) => sum + (r.days ?? 0), 0)
  const none = { ...base, source: consequence ?? prereq.source, status: 'failed' as const }

  if (required === null) {
    if (credited.length > 0) {
      return {
        ...base,
        status: 'unknown',
        reason: `已认可服务${creditedDays}天；文件要求达到支援年限，但未写明年限，以职称评审规定为准`,
      }
    }
    if (open.length > 0) return { ...base, status: 'unknown', reason: `服务记录尚待确认：${requirement}`, missing: openMissing(records) }
    return { ...none, reason: `没有可认可的对口支援经历：${requirement}` }
  }

  const span = spanText(required)
  const fits = (r: RecordResult) => fitsSpan(inputs[r.index]!, required)
  if (credited.some((r) => fits(r) === 'yes')) {
    return { ...base, status: 'passed', reason: `已认可服务满${span}：${requirement}` }
  }
  const bounds = spanDayBounds(required)
  if (accumulates) {
    if (creditedDays >= bounds.max) return { ...base, status: 'passed', reason: `累计认可服务${creditedDays}天，满${span}：${requirement}` }
    const unknownDays = [...open, ...credited].some((r) => r.days === null)
    const possible = creditedDays + open.reduce((sum, r) => sum + (r.days ?? 0), 0)
    if (!unknownDays && possible < bounds.min) {
      return { ...none, reason: `累计认可服务${creditedDays}天，不足${span}：${requirement}` }
    }
  } else if ([...credited, ...open].every((r) => fits(r) === 'no')) {
    return { ...none, reason: `没有一次认可的下派服务满${span}（已认可${creditedDays}天）：${requirement}` }
  }
  const missing = openMissing(records)
  const lengthOpen = credited.filter((r) => fits(r) === 'maybe').length > 0
  return {
    ...base,
    status: 'unknown',
    reason: `尚不能确定是否满${span}：${requirement}`,
    missing: lengthOpen ? [...missing, 'records.from', 'records.to'] : missing,
  }
}
