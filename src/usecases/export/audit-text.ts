import { shanghaiDate, shanghaiTime } from '../../time/shanghai'
import { REPORT_FIELDS } from '../report/fields'

const ACTION: Record<string, string> = {
  'leave.requested': '提交请假',
  'leave.approved': '批准请假',
  'leave.rejected': '驳回请假',
  'leave.returned': '销假',
  'leave.cancelled': '撤销请假',
  'punchCorrection.requested': '提交补卡',
  'punchCorrection.approved': '批准补卡',
  'punchCorrection.rejected': '驳回补卡',
  'punchCorrection.cancelled': '撤销补卡',
  'report.submitted': '提交月报',
  'report.updated': '修改月报',
  'import.created': '导入新增',
  'import.updated': '导入修改',
  'policy_successor.entered': '录入延续文件',
  'policy_successor.ended': '结束延续文件',
  'calendar.notice_imported': '录入节假日通知',
  'unverified.confirmed': '核实：确认脱岗',
  'unverified.notCounted': '核实：不计',
  'unverified.finding': '核实期满：计为脱岗',
}
const ENTITY: Record<string, string> = {
  leave_request: '请假/补卡单',
  monthly_report: '月报',
  tenant: '租户',
  org: '单位',
  person: '人员',
  identity: '聊天账号',
  identities: '聊天账号',
  role_assignment: '角色',
  support_pair: '对口关系',
  posting: '派驻',
  policy_successor: '延续文件',
  unverified_day: '待核实日',
  calendar_year: '节假日安排',
}
const KEY: Record<string, string> = {
  number: '单号',
  kind: '类型',
  status: '状态',
  startsOn: '开始日期',
  endsOn: '结束日期',
  reason: '事由',
  decisionComment: '审批意见',
  decidedAt: '审批时间',
  returnedOn: '销假日期',
  month: '月份',
  submittedAt: '提交时间',
  name: '名称',
  region: '地区',
  level: '级别',
  role: '角色',
  title: '职称',
  policyId: '政策',
  mode: '派驻方式',
}
const VALUE: Record<string, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  cancelled: '已撤销',
  returned: '已销假',
  leave: '请假',
  punchCorrection: '补卡',
}
// Ids and bookkeeping times say nothing to a reader of the sheet; the 对象ID column already names the row.
const HIDDEN = new Set(['id', 'tenantId', 'createdAt', 'updatedAt'])
const REPORT_LABEL = new Map<string, string>(REPORT_FIELDS.map((f) => [f.name, f.label]))

/** An audit action in Chinese (`leave.requested` → 提交请假); an unknown code is shown as it is. */
export const auditActionText = (action: string) => ACTION[action] ?? action
export const auditEntityText = (entity: string) => ENTITY[entity] ?? entity

function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const d = new Date(v)
    return Number.isNaN(d.getTime()) ? v : `${shanghaiDate(d)} ${shanghaiTime(d)}`
  }
  if (typeof v === 'string') return VALUE[v] ?? v
  return typeof v === 'object' ? JSON.stringify(v) : String(v)
}

/** A row's values as `label → value`; a 月报's fields are spread into their own labels. */
function flatten(row: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (!row || typeof row !== 'object') return out
  for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
    if (HIDDEN.has(key)) continue
    if (key === 'fields' && value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.set(REPORT_LABEL.get(k) ?? k, v)
    } else out.set(KEY[key] ?? key, value)
  }
  return out
}

/**
 * What an audited change did, readable: the fields that changed as `标签：值` lines, before and after. A creation
 * lists what was written; nothing but ids changed gives empty cells.
 */
export function auditChangeText(before: unknown, after: unknown, maxChars: number): { before: string; after: string } {
  const b = flatten(before)
  const a = flatten(after)
  const keys = [...new Set([...b.keys(), ...a.keys()])].filter((k) => JSON.stringify(b.get(k)) !== JSON.stringify(a.get(k)))
  const lines = (m: Map<string, unknown>) =>
    keys
      .map((k) => `${k}：${valueText(m.get(k))}`)
      .join('\n')
      .slice(0, maxChars)
  return { before: before ? lines(b) : '', after: after ? lines(a) : '' }
}
