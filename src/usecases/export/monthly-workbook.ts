import ExcelJS from 'exceljs'
import { POLICY_META, type PolicyId } from '../../../rules'
import { shanghaiDate, shanghaiTime } from '../../time/shanghai'
import type { DayMark, MonthView, ReportState } from '../office/month-view'
import { REPORT_FIELDS } from '../report/fields'

export const DAY_MARK_TEXT: Record<DayMark, string> = {
  present: '出勤',
  leave: '请假',
  punchCorrection: '补卡',
  notRequired: '休息',
  unknown: '未判定',
  unexcused: '脱岗',
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
const MARK_ORDER: DayMark[] = ['present', 'leave', 'punchCorrection', 'notRequired', 'unexcused', 'unknown', 'open']
// Excel refuses a cell over 32,767 characters; audit before/after JSON can be longer.
const MAX_CELL_CHARS = 32_000
const MIN_WIDTH = 6
const MAX_WIDTH = 60

type Cell = string | number | null

const at = (d: Date | null) => (d ? `${shanghaiDate(d)} ${shanghaiTime(d)}` : '')
const policy = (id: string) => POLICY_META[id as PolicyId]?.shortName ?? id
const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v).slice(0, MAX_CELL_CHARS))

/** Display width in Excel's character units: a CJK character takes two. */
function widthOf(value: Cell): number {
  const text = value === null ? '' : String(value)
  let width = 0
  for (const ch of text.split('\n')[0]!) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1
  return width
}

/** One sheet: bold header row, frozen, filtered, each column as wide as its longest cell (within bounds). */
function addSheet(book: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][], freezeColumns = 0) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: freezeColumns }] })
  sheet.addRow(headers)
  for (const row of rows) sheet.addRow(row)
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }
  header.alignment = { vertical: 'middle', horizontal: 'center' }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } }
  headers.forEach((h, i) => {
    // The filter button covers about two characters of the header cell.
    const widest = Math.max(widthOf(h) + 2, ...rows.map((r) => widthOf(r[i] ?? null)))
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 1))
  })
  return sheet
}

/**
 * exceljs gives every cell its own style object and, when writing, renders each one to XML to find its style id
 * (seconds for a province's month); cells of one type whose styles are equal share one object instead, which it
 * recognises without rendering. The type is part of the key because exceljs derives a default number format from it.
 */
function shareStyles(sheet: ExcelJS.Worksheet) {
  const shared = new Map<string, Partial<ExcelJS.Style>>()
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const key = `${cell.type}:${JSON.stringify(cell.style)}`
      const style = shared.get(key)
      if (style) cell.style = style
      else shared.set(key, cell.style)
    }),
  )
}

/** The month's workbook: 出勤, 月报, 脱岗与通报, 审计 — Chinese headers, the header row frozen and filtered. */
export async function monthlyWorkbook(view: MonthView, meta: { title: string; generatedAt: Date }): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  book.creator = 'duikou'
  book.created = meta.generatedAt
  book.title = meta.title

  const dayHeaders = view.days.map((d) => `${Number(d.slice(8))}日`)
  addSheet(
    book,
    '出勤',
    ['医生', '支援单位', '受援单位', '政策', '派驻起止', ...dayHeaders, ...MARK_ORDER.map((m) => `${DAY_MARK_TEXT[m]}天数`), '出勤率'],
    view.postings.map((p) => [
      p.personName,
      p.supportingOrg,
      p.receivingOrg,
      policy(p.policyId),
      `${p.startsOn} 至 ${p.endsOn}`,
      ...view.days.map((d) => {
        const mark = p.days.get(d)
        return mark ? DAY_MARK_TEXT[mark] : ''
      }),
      ...MARK_ORDER.map((m) => p.counts[m]),
      p.rate === null ? '' : Math.round(p.rate * 1000) / 10,
    ]),
    1,
  )
  // Day columns hold two characters at most; the width rule would make them wider only for the header.
  const attendance = book.getWorksheet('出勤')!
  view.days.forEach((_, i) => (attendance.getColumn(6 + i).width = 6))
  attendance.getColumn(6 + view.days.length + MARK_ORDER.length).numFmt = '0.0"%"'

  addSheet(
    book,
    '月报',
    ['受援单位', '截止日期', '状态', '是否逾期', '提交时间', '最后修改', '提交人', ...REPORT_FIELDS.map((f) => f.label)],
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
    ]),
  )

  addSheet(
    book,
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

  addSheet(
    book,
    '审计',
    ['时间', '操作人', '操作', '对象', '对象ID', '变更前', '变更后'],
    view.audit.map((a) => [at(a.at), a.actorName ?? '系统/管理员', a.action, a.entity, a.entityId, json(a.before), json(a.after)]),
  )
  for (const sheet of book.worksheets) shareStyles(sheet)
  return new Uint8Array(await book.xlsx.writeBuffer())
}
