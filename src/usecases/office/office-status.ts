import type { Db } from '../../../db/client'
import type { Lang } from '../../domain/command'
import type { Reply, ReplyChart } from '../../domain/reply'
import { parseMonth, yearsAround } from '../../domain/strict-input'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { loadMonthView, type ReportState } from './month-view'
import { statusScope } from './director-scope'

const STATE_ZH: Record<ReportState, string> = { submitted: '已提交', late: '逾期提交', missing: '逾期未交', notYet: '未提交' }
const STATE_EN: Record<ReportState, string> = { submitted: 'submitted', late: 'submitted late', missing: 'missing (overdue)', notYet: 'not yet submitted' }
/** A chat message holds about this many lines per list; a longer list shows who needs attention first, and the export has all. */
const MAX_LISTED = 30
/** How far back 统计 YYYY-MM looks: the records of a few past years. */
const STATUS_YEARS_BACK = 10
const NEEDS_ATTENTION: ReportState[] = ['missing', 'late', 'notYet', 'submitted']
const percent = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`)

/**
 * 统计: this month's report status per receiving org and the attendance rate per posting, over what the sender's
 * office role covers. Plain lines rather than a table: WeCom's app markdown has no tables and the console prints text;
 * platforms that draw charts (Feishu) also get two bar charts of the same numbers.
 */
export async function officeStatus(deps: UseCaseDeps, input: { tenantId: string; personId: string; args?: string; lang: Lang }): Promise<Reply> {
  const today = shanghaiDate(deps.clock.now())
  const asked = input.args?.trim() ? parseMonth(input.args, yearsAround(today, STATUS_YEARS_BACK, 1)) : null
  if (asked && !asked.ok) {
    return { tone: 'warning', text: input.lang === 'en' ? `${asked.reason.en}. Send “status” for this month or “status ${today.slice(0, 7)}”.` : `${asked.reason.zh}。发送“统计”查看本月，或“统计 ${today.slice(0, 7)}”查看指定月份。` }
  }
  const month = asked?.value ?? today.slice(0, 7)
  const thisMonth = month === today.slice(0, 7) ? '本月' : '该月'
  const { view, scope } = await deps.db.transaction(async (tx: Db) => {
    const scope = await statusScope(tx, input.tenantId, input.personId)
    return { scope, view: await loadMonthView(tx, { tenantId: input.tenantId, month, scope, today }) }
  })
  const count = (s: ReportState) => view.reports.filter((r) => r.state === s).length
  const en = input.lang === 'en'
  const where = scope.tenantWide ? (en ? 'all orgs' : '全部单位') : scope.roots.map((id) => scope.orgNames.get(id)).join('、') + (scope.ownOrgsOnly ? '' : en ? ' and below' : '及下属单位')
  const reports = view.reports.length > MAX_LISTED ? [...view.reports].sort((a, b) => NEEDS_ATTENTION.indexOf(a.state) - NEEDS_ATTENTION.indexOf(b.state)).slice(0, MAX_LISTED) : view.reports
  const postings = view.postings.length > MAX_LISTED ? [...view.postings].sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2)).slice(0, MAX_LISTED) : view.postings
  const moreReports = view.reports.length - reports.length
  const morePostings = view.postings.length - postings.length
  const reportLines = reports.map((r) => {
    const by = r.submittedAt ? `（${shanghaiDate(r.submittedAt).slice(5)}${r.submitterName ? ` ${r.submitterName}` : ''}）` : `（截止 ${r.due}）`
    return en ? `· ${r.orgName}: ${STATE_EN[r.state]}${r.submittedAt ? ` on ${shanghaiDate(r.submittedAt)}` : ` (due ${r.due})`}` : `· ${r.orgName}：${STATE_ZH[r.state]}${by}`
  })
  const rateLines = postings.map((p) => {
    const { present, unexcused, unverified } = p.counts
    // 待核实 days are doubts, not absences: shown apart, and left out of the rate until they are settled.
    return en
      ? `· ${p.personName} → ${p.receivingOrg}: ${percent(p.rate)} (present ${present}, absent ${unexcused}${unverified ? `, unverified ${unverified}` : ''})`
      : `· ${p.personName} → ${p.receivingOrg}：${percent(p.rate)}（出勤 ${present} 天，脱岗 ${unexcused} 天${unverified ? `，待核实 ${unverified} 天` : ''}）`
  })
  const text = en
    ? [
        `${month} status (${where})`,
        `Monthly reports: ${count('submitted')} on time · ${count('late')} late · ${count('missing')} missing · ${count('notYet')} not yet due`,
        ...(reportLines.length ? reportLines : [`· no receiving org owes a report ${month === today.slice(0, 7) ? 'this' : 'that'} month`]),
        ...(moreReports ? [`· … and ${moreReports} more orgs (overdue ones first; all in the export)`] : []),
        morePostings ? `Attendance rate, the ${postings.length} lowest of ${view.postings.length} postings (present ÷ present + absent, judged days):` : 'Attendance rate (present ÷ present + absent, judged days):',
        ...(rateLines.length ? rateLines : [`· no postings ${month === today.slice(0, 7) ? 'this' : 'that'} month`]),
        ...(morePostings ? [`· … and ${morePostings} more (all in the export)`] : []),
        ...(scope.ownOrgsOnly ? [] : [`The month as Excel: export ${month}`]),
      ]
    : [
        `${month} 统计（${where}）`,
        `月报：按时 ${count('submitted')} · 逾期提交 ${count('late')} · 逾期未交 ${count('missing')} · 未到截止日 ${count('notYet')}`,
        ...(reportLines.length ? reportLines : [`· ${thisMonth}没有需要报送月报的受援单位`]),
        ...(moreReports ? [`· ……另有 ${moreReports} 家（逾期的列在前面；全部见导出）`] : []),
        morePostings ? `出勤率最低的 ${postings.length} 人（共 ${view.postings.length} 人；出勤 ÷（出勤 + 脱岗），按已判定的天数）：` : '出勤率（出勤 ÷（出勤 + 脱岗），按已判定的天数）：',
        ...(rateLines.length ? rateLines : [`· ${thisMonth}没有派驻`]),
        ...(morePostings ? [`· ……另有 ${morePostings} 人（全部见导出）`] : []),
        ...(scope.ownOrgsOnly ? [] : [`导出${thisMonth} Excel：导出 ${month}`]),
      ]
  return { tone: 'info', title: en ? 'Programme status' : '对口支援统计', text: text.join('\n'), charts: charts(view, count, en) }
}

/** The same numbers as the text, drawn: attendance rate per receiving org, and the month's report status. */
function charts(view: Awaited<ReturnType<typeof loadMonthView>>, count: (s: ReportState) => number, en: boolean): ReplyChart[] {
  const byOrg = new Map<string, { present: number; unexcused: number }>()
  for (const p of view.postings) {
    const sum = byOrg.get(p.receivingOrg) ?? { present: 0, unexcused: 0 }
    sum.present += p.counts.present
    sum.unexcused += p.counts.unexcused
    byOrg.set(p.receivingOrg, sum)
  }
  const rates = [...byOrg].filter(([, s]) => s.present + s.unexcused > 0).map(([label, s]) => ({ label, value: Math.round((s.present / (s.present + s.unexcused)) * 1000) / 10 }))
  const states: ReportState[] = ['submitted', 'late', 'missing', 'notYet']
  return [
    ...(rates.length ? [{ title: en ? 'Attendance rate by receiving org' : '各受援单位出勤率', unit: '%', bars: rates }] : []),
    { title: en ? 'Monthly reports' : '月报报送情况', unit: en ? 'orgs' : '家', bars: states.map((s) => ({ label: (en ? STATE_EN : STATE_ZH)[s], value: count(s) })) },
  ]
}
