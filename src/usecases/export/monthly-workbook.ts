import { COMPLIANCE_STATUS_TEXT, POLICY_META, type PolicyId } from '../../../rules'
import type { ComplianceMonth } from '../compliance/load-compliance'
import { shanghaiDate, shanghaiTime } from '../../time/shanghai'
import type { DayMark, MonthView, ReportState } from '../office/month-view'
import { REPORT_FIELDS } from '../report/fields'
import { auditActionText, auditChangeText, auditEntityText } from './audit-text'
import { type XlsxCell, type XlsxSheet, writeXlsx } from './xlsx'

export const DAY_MARK_TEXT: Record<DayMark, string> = {
  present: '出勤',
  leave: '请假',
  punchCorrection: '补卡',
  notRequired: '休息',
  unknown: '未判定',
  unexcused: '脱岗',
  unverified: '待核实',
  notCounted: '不计',
  open: '待定',
}
export const REPORT_STATE_TEXT: Record<ReportState, string> = { submitted: '已提交', late: '逾期提交', missing: '逾期未交', notYet: '未提交（未到截止日）' }
const ACTION_TEXT: Record<string, string> = {
  reprimandDoctor: '通报批评本人',
  reprimandDirectors: '通报批评双方院长',
  assessmentFailed: '考核不合格',
  loseAwardEligibility: '取消评优资格',
  reportToSupportingHospital: '通报派出医院',
  barredFromFinalExam: '不得参加结业考核',
}
const MARK_ORDER: DayMark[] = ['present', 'leave', 'punchCorrection', 'notRequired', 'unexcused', 'unverified', 'notCounted', 'unknown', 'open']
// Excel refuses a cell over 32,767 characters; an audited change can be longer.
const MAX_CELL_CHARS = 32_000
const MIN_WIDTH = 6
const MAX_WIDTH = 60

type Cell = XlsxCell

const at = (d: Date | null) => (d ? `${shanghaiDate(d)} ${shanghaiTime(d)}` : '')
const policy = (id: string) => POLICY_META[id as PolicyId]?.shortName ?? id

/** Display width of a cell's first line in Excel's character units: a CJK or full-width character takes two. */
function widthOf(value: Cell): number {
  if (value === null) return 0
  if (typeof value === 'number') return String(value).length
  let width = 0
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c === 10) break
    width += (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) ? 2 : 1
  }
  return width
}

/** One sheet whose columns are as wide as their longest cell (within bounds), or `fixedWidths` where given. */
function sheet(name: string, headers: string[], rows: Cell[][], options: Partial<Pick<XlsxSheet, 'frozenColumns' | 'numberFormats'>> & { fixedWidths?: Record<number, number> } = {}): XlsxSheet {
  const widths = headers.map((h, i) => {
    const fixed = options.fixedWidths?.[i]
    if (fixed !== undefined) return fixed
    // The filter button covers about two characters of the header cell.
    let widest = widthOf(h) + 2
    for (const row of rows) widest = Math.max(widest, widthOf(row[i] ?? null))
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 1))
  })
  return { name, rows: [headers, ...rows], widths, frozenColumns: options.frozenColumns ?? 0, numberFormats: options.numberFormats }
}

/** The month's workbook: 出勤, 月报, 脱岗与通报, 审计 — Chinese headers, the header row frozen and filtered. */
export function monthlyWorkbook(view: MonthView, meta: { title: string; generatedAt: Date }, compliance?: ComplianceMonth): Uint8Array {
  const dayHeaders = view.days.map((d) => `${Number(d.slice(8))}日`)
  const firstDay = 5
  const rateColumn = firstDay + view.days.length + MARK_ORDER.length
  const attendance = sheet(
    '出勤',
    ['医生', '支援单位', '受援单位', '政策', '派驻起止', ...dayHeaders, ...MARK_ORDER.map((m) => `${DAY_MARK_TEXT[m]}天数`), '出勤率'],
    view.postings.map((p) => [
      p.personName,
      p.supportingOrg,
      p.receivingOrg,
      policy(p.policyId),
      `${p.startsOn} 至 ${p.endsOn}`,
      ...view.days.map((_, i) => {
        const mark = p.days[i]
        return mark ? DAY_MARK_TEXT[mark] : ''
      }),
      ...MARK_ORDER.map((m) => p.counts[m]),
      p.rate === null ? '' : Math.round(p.rate * 1000) / 10,
    ]),
    {
      frozenColumns: 1,
      // Day columns hold two characters at most; the width rule would make them wider only for the header.
      fixedWidths: Object.fromEntries(view.days.map((_, i) => [firstDay + i, 6])),
      numberFormats: { [rateColumn]: '0.0"%"' },
    },
  )

  const reports = sheet(
    '月报',
    ['受援单位', '截止日期', '状态', '是否逾期', '提交时间', '最后修改', '提交人', ...REPORT_FIELDS.map((f) => f.label), '截止日期依据'],
    view.reports.map((r) => [
      r.orgName,
      r.due,
      REPORT_STATE_TEXT[r.state],
      r.state === 'late' || r.state === 'missing' ? '是' : '否',
      at(r.submittedAt),
      at(r.updatedAt),
      r.submitterName ?? '',
      ...REPORT_FIELDS.map((f) => {
        const v = r.fields[f.name]
        return typeof v === 'number' || typeof v === 'string' ? v : ''
      }),
      // The 25th is this deployment's day; only 红会送医 (豫卫发〔2015〕2号 附件9) has it from a text.
      r.dueBasis ? `${r.dueBasis.document} ${r.dueBasis.clause}` : '本系统统一的报送日（部署规定，非政策原文）',
    ]),
  )

  const absences = sheet(
    '脱岗与通报',
    ['日期', '医生', '支援单位', '受援单位', '状态', '处理步骤', '处理措施', '已通知', '撤销时间'],
    view.absences.map((a) => [
      a.day,
      a.posting.personName,
      a.posting.supportingOrg,
      a.posting.receivingOrg,
      a.status === 'withdrawn' ? '已撤销' : '脱岗',
      a.step === null ? '' : `第 ${a.step} 步`,
      a.actions.map((x) => ACTION_TEXT[x] ?? x).join('、'),
      a.notified.join('、'),
      at(a.withdrawnAt),
    ]),
  )

  const audit = sheet(
    '审计',
    ['时间', '操作人', '操作', '对象', '对象ID', '变更前', '变更后'],
    view.audit.map((a) => {
      const change = auditChangeText(a.before, a.after, MAX_CELL_CHARS)
      return [at(a.at), a.actorName ?? a.actorLabel ?? '系统/管理员', auditActionText(a.action), auditEntityText(a.entity), a.entityId, change.before, change.after]
    }),
  )
  // 达标: the lines `达标` shows in chat, every one, the worst org first.
  const met = sheet(
    '达标',
    ['单位', '政策', '人员', '情况', '差额', '单位（差额）', '文件要求', '说明', '需要补充', '文件', '条款', '原文'],
    (compliance?.orgs ?? []).flatMap((o) =>
      o.lines.map((l) => [o.orgName, policy(l.policyId), l.personName ?? '', COMPLIANCE_STATUS_TEXT[l.status], l.shortBy ?? '', l.shortBy ? (l.unit ?? '') : '', l.asks, l.reason, (l.missing ?? []).join('、'), l.source.document, l.source.clause, l.source.quote]),
    ),
  )
  return writeXlsx({ title: meta.title, creator: 'duikou', created: meta.generatedAt, sheets: [attendance, reports, absences, ...(compliance ? [met] : []), audit] })
}
