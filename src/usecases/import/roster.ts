import { z } from 'zod'
import type { Role } from '../../../db/schema'
import { AnyCell, cellText, countCell, dayCell, headerKey, mappedCell, matchHeaders, optionalText, reasonOf, requiredText, yesNoCell } from './cells'
import type { SheetTable } from './table'
import type { RowError, RowSource } from './types'
import { KIND_VALUES, LEVEL_VALUES, LICENCE_VALUES, MODE_VALUES, POLICY_VALUES, ROLE_VALUES, STAFF_ROLE_VALUES, TITLE_VALUES } from './values'

const SUPPORTING = ['支援医院', '支援单位', '派出单位']
const RECEIVING = ['受援医院', '受援单位']
const POLICY = ['政策', '政策文件']
const STARTS = ['开始日期', '起始日期', '开始时间']
const ENDS = ['结束日期', '截止日期', '结束时间']

/** The four tables of a roster, each recognised by its headers (sheet names are free). README lists them. */
export const ROSTER_HEADERS = {
  orgs: { name: ['名称', '单位名称', '机构名称'], level: ['层级', '级别', '机构层级'], kind: ['类别', '机构类别', '类型'], parent: ['上级单位', '上级机构', '主管单位'], region: ['地区', '所在地区', '所在市', '地市'], deepPovertyCounty: ['深度贫困县', '是否深度贫困县'], staffCount: ['专业技术人员数', '专技人员数', '卫技人员数'] },
  people: {
    name: ['姓名'],
    title: ['职称'],
    licence: ['执业资格', '执业类别'],
    employer: ['工作单位', '所在单位', '单位'],
    feishuOpenId: ['飞书open_id', '飞书openid', '飞书ID', '飞书'],
    wecomUserId: ['企业微信userid', '企业微信ID', '企业微信账号', '企业微信', '企微userid'],
    roles: ['角色'],
    staffRole: ['岗位', '岗位类别', '专业类别'],
    seniorAttending: ['高年资', '高年资主治医师'],
  },
  pairs: { supporting: SUPPORTING, receiving: RECEIVING, policy: POLICY, startsOn: STARTS, endsOn: ENDS },
  postings: { name: ['姓名'], employer: ['工作单位', '所在单位'], supporting: SUPPORTING, receiving: RECEIVING, policy: POLICY, startsOn: STARTS, endsOn: ENDS, mode: ['派驻方式', '帮扶形式', '派驻形式', '帮扶方式', '工作方式', '支援方式'], apprentices: ['帮带对象', '带徒人数', '师带徒'] },
}
type Table = keyof typeof ROSTER_HEADERS

/** Columns a table cannot do without; the others may be left out. */
const REQUIRED: { [T in Table]: (keyof (typeof ROSTER_HEADERS)[T])[] } = {
  orgs: ['name'],
  people: ['name', 'employer'],
  pairs: ['supporting', 'receiving', 'policy', 'startsOn'],
  postings: ['name', 'supporting', 'receiving', 'policy', 'startsOn', 'endsOn'],
}

const policy = mappedCell('政策', POLICY_VALUES).pipe(z.string({ error: '缺少政策（填政策编号如 zhejiang-2014，或文号、名称）' }))

// Every accepted word is named: a posting whose mode is misread would be judged by the wrong duty.
const mode = AnyCell.transform((cell, ctx) => {
  const text = cellText(cell)
  if (!text) return undefined
  const hit = MODE_VALUES[text.replace(/[“”"\s]/g, '')]
  if (!hit) ctx.addIssue({ code: 'custom', message: `派驻方式“${text}”无法识别（可填：${Object.keys(MODE_VALUES).join('、')}）` })
  return hit
})

const roles = AnyCell.transform((cell, ctx) => {
  const wanted: { role: Role; org?: string }[] = []
  for (const token of cellText(cell).split(/[、,，;；/\s]+/).filter(Boolean)) {
    // “审批人@示范县人民医院” or “审批人（示范县人民医院）” holds the role at another org than the employer.
    const [, name, atOrg, inOrg] = /^(.+?)(?:[@＠](.+)|[（(](.+?)[）)])?$/.exec(token)!
    const role = (Object.hasOwn(ROLE_VALUES, name!) ? ROLE_VALUES[name!] : undefined) ?? (Object.values(ROLE_VALUES).includes(name as Role) ? (name as Role) : undefined)
    if (!role) ctx.addIssue({ code: 'custom', message: `角色“${name}”无法识别（可填：医生、审批人、院长、办公室、管理员）` })
    else wanted.push({ role, ...(atOrg || inOrg ? { org: atOrg ?? inOrg } : {}) })
  }
  return wanted
})

/** Most staff one hospital has, and most apprentices one mentor has: larger numbers are typing errors. */
const MAX_STAFF = 100_000
const MAX_APPRENTICES = 50

// 帮带对象: a number, or the apprentices' names (张三、李四), counted.
const apprentices = AnyCell.transform((cell, ctx): number | undefined => {
  const text = cellText(cell)
  if (!text) return undefined
  if (typeof cell === 'number' || /^\d+$/.test(text)) {
    const n = Number(text)
    if (Number.isInteger(n) && n <= MAX_APPRENTICES) return n
    ctx.addIssue({ code: 'custom', message: `帮带对象“${text}”应为 0 至 ${MAX_APPRENTICES} 的整数或姓名列表` })
    return undefined
  }
  const names = new Set(text.split(/[、,，;；/\s]+/).filter(Boolean))
  if (names.size > MAX_APPRENTICES) ctx.addIssue({ code: 'custom', message: `帮带对象超过 ${MAX_APPRENTICES} 人` })
  return names.size
})

const ROWS = {
  orgs: z.object({
    name: requiredText('名称'),
    level: mappedCell('层级', LEVEL_VALUES),
    kind: mappedCell('类别', KIND_VALUES),
    parent: optionalText,
    region: optionalText,
    deepPovertyCounty: yesNoCell('深度贫困县'),
    staffCount: countCell('专业技术人员数', MAX_STAFF),
  }),
  people: z.object({
    name: requiredText('姓名'),
    employer: requiredText('工作单位'),
    title: mappedCell('职称', TITLE_VALUES),
    licence: mappedCell('执业资格', LICENCE_VALUES),
    feishuOpenId: optionalText,
    wecomUserId: optionalText,
    roles,
    staffRole: mappedCell('岗位', STAFF_ROLE_VALUES),
    seniorAttending: yesNoCell('高年资'),
  }),
  pairs: z
    .object({ supporting: requiredText('支援医院'), receiving: requiredText('受援医院'), policyId: policy, startsOn: dayCell('开始日期', true), endsOn: dayCell('结束日期', false) })
    .refine((p) => !p.endsOn || p.endsOn >= p.startsOn, { message: '结束日期早于开始日期' }),
  postings: z
    .object({
      name: requiredText('姓名'),
      employer: optionalText,
      supporting: requiredText('支援医院'),
      receiving: requiredText('受援医院'),
      policyId: policy,
      startsOn: dayCell('开始日期', true),
      endsOn: dayCell('结束日期', true),
      mode,
      apprentices,
    })
    .refine((p) => p.endsOn >= p.startsOn, { message: '结束日期早于开始日期' }),
}

type Sourced<T> = T & { source: RowSource }
export type RosterOrg = Sourced<z.infer<typeof ROWS.orgs>>
export type RosterPerson = Sourced<z.infer<typeof ROWS.people>>
export type RosterPair = Sourced<z.infer<typeof ROWS.pairs>>
/** A posting; `employer` (the person's 工作单位) defaults to the supporting hospital, which usually employs the doctor. */
export type RosterPosting = Sourced<z.infer<typeof ROWS.postings>>

export interface Roster {
  orgs: RosterOrg[]
  people: RosterPerson[]
  pairs: RosterPair[]
  postings: RosterPosting[]
}

/** Natural keys within the file: the same key twice is an error on the second row. */
const KEY_OF: { [T in Table]: (r: Roster[T][number]) => string } = {
  orgs: (o) => o.name,
  people: (p) => `${p.name}（${p.employer}）`,
  pairs: (p) => `${p.supporting} → ${p.receiving}（${p.policyId}）`,
  postings: (p) => `${p.name}（${p.employer ?? p.supporting}） → ${p.receiving}，${p.startsOn}`,
}

const HEADER_SEARCH_ROWS = 10

/** Which roster table a header row starts, if any: postings and pairs first, as they share columns with the others. */
export function rosterTableOf(cells: SheetTable['rows'][number]['cells']): Table | null {
  const has = (names: string[]) => cells.some((c) => names.some((n) => headerKey(n) === headerKey(c)))
  if (has(['姓名']) && has(RECEIVING)) return 'postings'
  if (has(SUPPORTING) && has(RECEIVING)) return 'pairs'
  if (has(['姓名'])) return 'people'
  if (has(ROSTER_HEADERS.orgs.name)) return 'orgs'
  return null
}

/** Reads a roster's sheets into typed rows; a row that fails its schema becomes an error naming sheet, row and reason. */
export function readRoster(tables: SheetTable[]): { roster: Roster; errors: RowError[] } {
  const roster: Roster = { orgs: [], people: [], pairs: [], postings: [] }
  const errors: RowError[] = []
  const seen = new Map<string, RowSource>()
  for (const table of tables) {
    const headerIndex = table.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => rosterTableOf(r.cells) !== null)
    if (headerIndex < 0) {
      if (table.rows.length > 0) errors.push({ sheet: table.sheet, row: null, reason: '未找到表头：单位表需“名称”，人员表需“姓名”“工作单位”，对口关系表需“支援医院”“受援医院”，派驻表需“姓名”“受援医院”' })
      continue
    }
    const header = table.rows[headerIndex]!
    const kind = rosterTableOf(header.cells)!
    const aliases = ROSTER_HEADERS[kind] as Record<string, string[]>
    const columns = matchHeaders(header.cells, aliases)
    const missing = (REQUIRED[kind] as string[]).filter((f) => columns[f] === undefined)
    if (missing.length > 0) {
      errors.push({ sheet: table.sheet, row: header.row, reason: `缺少列：${missing.map((f) => aliases[f]![0]).join('、')}` })
      continue
    }
    for (const { row, cells } of table.rows.slice(headerIndex + 1)) {
      const raw = Object.fromEntries(Object.entries(columns).map(([field, i]) => [field, cells[i as number]]))
      const parsed = ROWS[kind].safeParse(kind === 'pairs' || kind === 'postings' ? { ...raw, policyId: raw.policy } : raw)
      if (!parsed.success) {
        errors.push({ sheet: table.sheet, row, reason: reasonOf(parsed.error) })
        continue
      }
      const item = { ...parsed.data, source: { sheet: table.sheet, row } }
      const key = `${kind}:${KEY_OF[kind](item as never)}`
      const first = seen.get(key)
      if (first) {
        errors.push({ sheet: table.sheet, row, reason: `重复：“${KEY_OF[kind](item as never)}”已在“${first.sheet}”第 ${first.row} 行列出` })
        continue
      }
      seen.set(key, item.source)
      ;(roster[kind] as unknown[]).push(item)
    }
  }
  return { roster, errors }
}
