import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { directorScope } from './director-scope'
import { loadMonthView, type PostingMonth, type ReportState } from './month-view'

const STATE_ZH: Record<ReportState, string> = { submitted: '已提交', late: '逾期提交', missing: '逾期未交', notYet: '未提交' }
const STATE_EN: Record<ReportState, string> = { submitted: 'submitted', late: 'submitted late', missing: 'missing (overdue)', notYet: 'not yet submitted' }
const percent = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`)

/**
 * 我的 for a director: per hospital they direct, the postings it receives and sends this month, each with this
 * month's attendance rate, and the hospital's 月报 status. Null for someone who directs nothing.
 */
export async function directorView(deps: UseCaseDeps, input: { tenantId: string; personId: string; lang: Lang }): Promise<Reply | null> {
  const today = shanghaiDate(deps.clock.now())
  const month = today.slice(0, 7)
  const scope = await directorScope(deps.db, input.tenantId, input.personId)
  if (!scope) return null
  const view = await loadMonthView(deps.db, { tenantId: input.tenantId, month, scope, today })
  const en = input.lang === 'en'
  const line = (p: PostingMonth, other: string) =>
    en
      ? `· ${p.personName} (${other}, ${p.startsOn} to ${p.endsOn}): attendance ${percent(p.rate)} (present ${p.counts.present}, absent ${p.counts.unexcused})`
      : `· ${p.personName}（${other}，${p.startsOn} 至 ${p.endsOn}）：本月出勤率 ${percent(p.rate)}（出勤 ${p.counts.present} 天，脱岗 ${p.counts.unexcused} 天）`
  const blocks = scope.roots.map((orgId) => {
    const name = scope.orgNames.get(orgId) ?? orgId
    const received = view.postings.filter((p) => p.receivingOrgId === orgId)
    const sent = view.postings.filter((p) => p.receivingOrgId !== orgId && p.supportingOrg === name)
    const report = view.reports.find((r) => r.orgId === orgId)
    const reportLine = report
      ? en
        ? `Monthly report: ${STATE_EN[report.state]}${report.submittedAt ? ` (${shanghaiDate(report.submittedAt)}${report.submitterName ? `, ${report.submitterName}` : ''})` : ` (due ${report.due})`}`
        : `本院月报：${STATE_ZH[report.state]}${report.submittedAt ? `（${shanghaiDate(report.submittedAt)}${report.submitterName ? ` ${report.submitterName}` : ''}）` : `（截止 ${report.due}）`}`
      : null
    const none = en ? '· none' : '· 无'
    return [
      en ? `${name}, ${month}` : `${name} · ${month}`,
      en ? `Received (${received.length}):` : `接收派驻（${received.length} 人）：`,
      ...(received.length ? received.map((p) => line(p, en ? `from ${p.supportingOrg}` : `来自${p.supportingOrg}`)) : [none]),
      en ? `Sent (${sent.length}):` : `派出（${sent.length} 人）：`,
      ...(sent.length ? sent.map((p) => line(p, en ? `at ${p.receivingOrg}` : `派往${p.receivingOrg}`)) : [none]),
      ...(reportLine ? [reportLine] : []),
    ].join('\n')
  })
  const footer = en ? 'Attendance rate: present ÷ (present + absent) over judged days. Send “status” for the month’s figures.' : '出勤率 = 出勤 ÷（出勤 + 脱岗），按已判定的天数。发送“统计”查看本院本月汇总。'
  return { tone: 'info', title: en ? 'My hospital' : '本院派驻情况', text: [...blocks, footer].join('\n\n') }
}
