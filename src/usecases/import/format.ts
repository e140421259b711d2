import type { ImportResult } from './import-file'
import type { PairRef, PersonRef, PlanCounts, PlanItem } from './plan-types'
import type { RowError } from './types'
import { chineseOf, KIND_VALUES, LEVEL_VALUES, LICENCE_VALUES, MODE_VALUES, ROLE_VALUES, STAFF_ROLE_VALUES, TITLE_VALUES } from './values'

const ENTITY_TEXT: Record<PlanItem['entity'], string> = {
  tenant: '租户',
  org: '单位',
  person: '人员',
  identity: '账号',
  roleAssignment: '角色',
  supportPair: '对口关系',
  posting: '派驻',
}

const COUNT_TEXT: Record<keyof PlanCounts, string> = {
  orgs: '单位',
  people: '人员',
  identities: '账号',
  roles: '角色',
  supportPairs: '对口关系',
  postings: '派驻',
}

const FIELD_TEXT: Record<string, string> = {
  name: '名称',
  level: '层级',
  kind: '类别',
  parent: '上级单位',
  region: '地区',
  title: '职称',
  licence: '执业资格',
  person: '人员',
  startsOn: '开始日期',
  endsOn: '结束日期',
  programme: '项目',
  supporting: '支援医院',
  policyId: '政策',
  pair: '对口关系',
  deepPovertyCounty: '深度贫困县',
  staffCount: '专业技术人员数',
  staffRole: '岗位',
  seniorAttending: '高年资',
  mode: '派驻方式',
  apprentices: '帮带对象',
}

const PLATFORM_TEXT: Record<string, string> = { feishu: '飞书', wecom: '企业微信', console: '控制台' }

const personText = (p: PersonRef) => `${p.name}（${p.employer || '无单位'}）`
const pairText = (p: PairRef) => `${p.supporting} → ${p.receiving}`

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (field === 'level') return chineseOf(LEVEL_VALUES, value as never)
  if (field === 'kind') return chineseOf(KIND_VALUES, value as never)
  if (field === 'title') return chineseOf(TITLE_VALUES, value as never)
  if (field === 'licence') return chineseOf(LICENCE_VALUES, value as never)
  if (field === 'person') return personText(value as PersonRef)
  if (field === 'pair') return pairText(value as PairRef)
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (field === 'staffRole') return chineseOf(STAFF_ROLE_VALUES, value as never)
  if (field === 'mode') return chineseOf(MODE_VALUES, value as never)
  return String(value)
}

function keyText(item: PlanItem): string {
  switch (item.entity) {
    case 'tenant':
      return item.key.id
    case 'org':
      return item.key.name
    case 'person':
      return personText(item.key)
    case 'identity':
      return `${PLATFORM_TEXT[item.key.platform] ?? item.key.platform} ${item.key.externalId}`
    case 'roleAssignment':
      return `${personText(item.key.person)} 任 ${item.key.org} ${chineseOf(ROLE_VALUES, item.key.role)}`
    case 'supportPair':
      return `${pairText(item.key)}（${item.key.policyId}）`
    case 'posting':
      return `${personText(item.key.person)} → ${item.key.receiving}，${item.key.startsOn} 起`
  }
}

// A new row's empty fields say nothing worth reading.
const fieldsText = (values: object) =>
  Object.entries(values)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([field, value]) => `${FIELD_TEXT[field] ?? field} ${valueText(field, value)}`)
    .join('，')

/** One line per plan item, e.g. “修改人员 张伟（示范市第一人民医院）：职称 主治医师 → 副主任医师”. */
export function planLine(item: PlanItem): string {
  const where = item.source ? `  〔${item.source.sheet} 第 ${item.source.row} 行〕` : ''
  if (item.action === 'create') {
    const details = fieldsText(item.after)
    return `新建${ENTITY_TEXT[item.entity]} ${keyText(item)}${details ? `：${details}` : ''}${where}`
  }
  const changes = Object.keys(item.after)
    .map((f) => `${FIELD_TEXT[f] ?? f} ${valueText(f, (item.before as Record<string, unknown>)[f])} → ${valueText(f, (item.after as Record<string, unknown>)[f])}`)
    .join('，')
  return `修改${ENTITY_TEXT[item.entity]} ${keyText(item)}：${changes}${where}`
}

export const errorLine = (e: RowError) => (e.row === null ? `“${e.sheet}”：${e.reason}` : `“${e.sheet}”第 ${e.row} 行：${e.reason}`)

export const countsText = (counts: PlanCounts) =>
  (Object.keys(COUNT_TEXT) as (keyof PlanCounts)[]).map((k) => `${COUNT_TEXT[k]} ${counts[k]}`).join(' · ')

/** The whole result as the CLI prints it, in Chinese. */
export function formatImport(result: Exclude<ImportResult, { outcome: 'unknownTenant' | 'tooLarge' }>, header: string): string {
  const lines = [header]
  if (result.outcome === 'rejected') {
    lines.push(`有 ${result.errors.length} 处错误，未写入任何内容。请改正后重新导入：`, ...result.errors.map((e) => `  ${errorLine(e)}`))
    return lines.join('\n')
  }
  lines.push(result.dryRun ? '试运行：以下改动不会写入（去掉 --dry-run 即写入）。' : result.plan.length ? '已写入，每项改动都记入了审计日志。' : '')
  if (result.plan.length === 0) {
    lines.push('文件与系统中的数据一致，没有需要改动的内容。')
    return lines.filter(Boolean).join('\n')
  }
  lines.push(`新建：${countsText(result.created)}`, `修改：${countsText(result.changed)}`, '')
  lines.push(...result.plan.map(planLine))
  const basis = result.plan.find((i) => i.action === 'create' && 'basis' in i && i.basis)
  if (basis && 'basis' in basis && basis.basis) {
    const { period, sources, agreementsDueBy } = basis.basis
    lines.push('', `文件未写日期，取政策文件所定周期：${period}${agreementsDueBy ? `；协议须于 ${agreementsDueBy} 前签订` : ''}。依据：`)
    lines.push(...sources.map((s) => `  ${s.document} ${s.clause}：“${s.quote}”`))
  }
  return lines.filter((l, i) => l !== '' || i > 0).join('\n')
}
