import type { Span } from '../core/dates'
import type { CompliancePack } from './pack'
import { NEEDS, REPORT_MEASURE_TEXT } from './labels'
import { REPORT_MEASURES_OF } from './measures'
import { factNames, provisionFor, provisionKeys } from './select'
import { orgFacts } from './facts'
import type { ComplianceLine, ComplianceWindow, ReceivingOrgFacts, ReportWindow } from './types'

const WINDOW_TEXT: Record<ComplianceWindow, string> = { day: '当日', month: '本月', year: '本年度', cycle: '本对口支援周期' }

// "每月" counts the month, "每年" the calendar year; a number with no period, or one over several years (1个周期3年),
// counts the support pair's cycle.
function windowOf(per: Span | undefined): Exclude<ComplianceWindow, 'day'> {
  if (per?.unit === 'month' && per.count === 1) return 'month'
  if (per?.unit === 'year' && per.count === 1) return 'year'
  return 'cycle'
}

/**
 * Targets a receiving org reports in its 月报: 特色专科、适宜技术 over the cycle (河南 附件8 三(二)), 进修 a year (四川 五(六),
 * 长春 三(一)3), 远程教学 a month (四川 五(六)), 新增服务项目 and the "四个一" a year (河南 三(一)3, 浙江 一).
 * A target is missed only once its window is over; until then it is in progress.
 */
export function reportQuotaLines(pack: CompliancePack, facts: ReceivingOrgFacts): ComplianceLine[] {
  const keys = provisionKeys(pack.posting.provisions, facts.asOf, (p) => p.min !== undefined && p.key in REPORT_MEASURES_OF && (p.scope === 'pair' || p.scope === 'hospital'))
  const lines: ComplianceLine[] = []
  for (const key of keys) {
    const rule = provisionFor(pack.posting.provisions, key, orgFacts(facts, pack.posting.defaultMode), facts.asOf)
    if (rule.kind === 'none' || rule.value.min === undefined) continue
    const windowName = windowOf(rule.value.per)
    for (const measure of REPORT_MEASURES_OF[key]!) {
      const base = { policyId: pack.policyId, orgId: facts.org.id, orgName: facts.org.name, requirement: key === 'fourOnes' ? `${key}.${measure}` : key, asks: rule.value.text, unit: rule.value.unit, window: windowName, source: rule.source }
      if (rule.kind === 'unknown') {
        lines.push({ ...base, status: 'unknown', reason: `需先确定${factNames(rule.missing).join('、')}，才能判断是否适用`, missing: factNames(rule.missing) })
        continue
      }
      const window = facts.windows[windowName]
      if (!window) {
        lines.push({ ...base, status: 'unknown', reason: '没有覆盖本月的对口支援关系，无法确定周期', missing: [NEEDS.cycle] })
        continue
      }
      lines.push(judge(base, window, rule.value.min, measure, WINDOW_TEXT[windowName]))
    }
  }
  return lines
}

function judge(base: Omit<ComplianceLine, 'status' | 'reason'>, window: ReportWindow, min: number, measure: keyof typeof REPORT_MEASURE_TEXT, label: string): ComplianceLine {
  const total = window.totals[measure] ?? 0
  const reported = window.reported[measure] ?? 0
  const field = REPORT_MEASURE_TEXT[measure]
  const span = `${label}（${window.from} 至 ${window.to}）`
  if (total >= min) return { ...base, status: 'passed', reason: `${span}月报${field}合计 ${total}，要求至少 ${min}` }
  if (!window.closed) return { ...base, status: 'pending', reason: `${span}月报${field}目前合计 ${total}，要求至少 ${min}，尚未结束` }
  if (reported < window.months)
    return { ...base, status: 'unknown', reason: `${span}有 ${window.months - reported} 个月的月报未填写${field}，已填合计 ${total}，要求至少 ${min}`, missing: [`月报：${field}`] }
  return { ...base, status: 'failed', shortBy: min - total, reason: `${span}月报${field}合计 ${total}，要求至少 ${min}，差 ${min - total}` }
}
