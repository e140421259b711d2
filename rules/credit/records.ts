import { coversSpan, daysServed, type Span, spanDayBounds, spanText } from '../core/dates'
import type { Check } from '../core/decision'
import type { Source } from '../core/source'
import { SERVICE_KIND_TEXT } from './labels'
import type { RecordRule, ServiceRecord } from './types'

/** One record judged against a pack's record rules; only `credited` records count toward service. */
export interface RecordResult {
  index: number
  kind: ServiceRecord['kind']
  status: 'credited' | 'notCredited' | 'unknown'
  /** Days served, when the record says (from/to, or days). */
  days: number | null
  checks: Check[]
}

/** Days a record covers: from its dates (both counted), else its `days`, else unknown. */
export function daysOf(record: ServiceRecord): number | null {
  if (record.from !== undefined && record.to !== undefined) return daysServed(record.from, record.to)
  return record.days ?? null
}

/** Whether a record lasts a span: exactly from its dates; from `days` only where every calendar agrees. */
export function fitsSpan(record: ServiceRecord, span: Span): 'yes' | 'no' | 'maybe' {
  if (record.from !== undefined && record.to !== undefined) return coversSpan(record.from, record.to, span) ? 'yes' : 'no'
  if (record.days === undefined) return 'maybe'
  const bounds = spanDayBounds(span)
  if (record.days >= bounds.max) return 'yes'
  return record.days < bounds.min ? 'no' : 'maybe'
}

function flag(
  name: string,
  value: boolean | undefined,
  field: string,
  requirement: string,
  source: Source,
): Check {
  if (value === true) return { name, status: 'passed', reason: requirement, source }
  if (value === false) return { name, status: 'failed', reason: `不符合：${requirement}`, source }
  return { name, status: 'unknown', reason: `尚不清楚是否符合：${requirement}`, source, missing: [field] }
}

function ruleCheck(rule: RecordRule, source: Source, record: ServiceRecord, at: string): Check | null {
  const kindText = SERVICE_KIND_TEXT[record.kind]
  switch (rule.kind) {
    case 'countedKinds':
      if (rule.kinds.includes(record.kind)) {
        return { name: 'kind', status: 'passed', reason: `${kindText}计入：${rule.requirement}`, source }
      }
      if (rule.uncertainKinds?.includes(record.kind)) {
        return { name: 'kind', status: 'unknown', reason: `文件以“等”列举，${kindText}是否计入未明：${rule.requirement}`, source }
      }
      return { name: 'kind', status: 'failed', reason: `${kindText}不在计入范围：${rule.requirement}`, source }
    case 'governmentOrganised':
      if (!rule.kinds.includes(record.kind)) return null
      return flag('governmentOrganised', record.governmentOrganised, `${at}.governmentOrganised`, rule.requirement, source)
    case 'minContinuous': {
      if (!rule.kinds.includes(record.kind)) return null
      const fit = fitsSpan(record, rule.span)
      const name = 'continuous'
      if (fit === 'yes') return { name, status: 'passed', reason: `连续${spanText(rule.span)}以上：${rule.requirement}`, source }
      if (fit === 'no') return { name, status: 'failed', reason: `连续不足${spanText(rule.span)}：${rule.requirement}`, source }
      return {
        name,
        status: 'unknown',
        reason: `需要起止日期才能确定是否连续满${spanText(rule.span)}：${rule.requirement}`,
        source,
        missing: [`${at}.from`, `${at}.to`],
      }
    }
    case 'assessedPassed':
      return flag('assessed', record.assessedPassed, `${at}.assessedPassed`, rule.requirement, source)
    case 'filed':
      return flag('filed', record[rule.fact], `${at}.${rule.fact}`, rule.requirement, source)
  }
}

/** Judges one record against every record rule; any failed rule voids it, any open one leaves it unknown. */
export function evaluateRecord(
  record: ServiceRecord,
  index: number,
  rules: { value: RecordRule; source: Source }[],
): RecordResult {
  const at = `records[${index}]`
  const checks = rules.map((r) => ruleCheck(r.value, r.source, record, at)).filter((c): c is Check => c !== null)
  const status = checks.some((c) => c.status === 'failed')
    ? 'notCredited'
    : checks.some((c) => c.status === 'unknown')
      ? 'unknown'
      : 'credited'
  return { index, kind: record.kind, status, days: daysOf(record), checks }
}
