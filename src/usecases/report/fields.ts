import { z } from 'zod'
import type { FormField } from '../../domain/reply'
import type { Lang } from '../../domain/command'
import { parseWholeNumber } from '../../domain/strict-input'

const COUNT_MAX = 100_000
/** A count as typed: decimal digits (full-width too) up to COUNT_MAX; “0x10” and “1e3” are not counts. */
export const count = z.string().transform((raw, ctx) => {
  const parsed = parseWholeNumber(raw, { min: 0, max: COUNT_MAX, label: { zh: '', en: '' } })
  if (parsed.ok) return parsed.value
  ctx.addIssue({ code: 'custom', message: parsed.reason.zh })
  return z.NEVER
})
const text = z.string().trim().max(2000)

/** The 月报 form: what a receiving org reports each month (issue 5 §4), with the words people type for each. */
export const REPORT_FIELDS = [
  { name: 'outpatientHalfDays', label: '门诊（半天）', en: 'Outpatient (half-days)', aliases: ['门诊', '出诊'], schema: count },
  { name: 'rounds', label: '查房/教学查房（次）', en: 'Ward/teaching rounds', aliases: ['查房', '教学查房'], schema: count },
  { name: 'lectures', label: '讲座/培训（次）', en: 'Lectures/training sessions', aliases: ['讲座', '培训'], schema: count },
  { name: 'lectureAttendees', label: '讲座/培训听课人数', en: 'Lecture/training attendees', aliases: ['听课人数', '培训人数', '参训人数'], schema: count },
  { name: 'surgeries', label: '手术（主刀或指导，台）', en: 'Surgeries (operated or guided)', aliases: ['手术'], schema: count },
  { name: 'newTechniques', label: '新技术/新项目', en: 'New techniques/projects', aliases: ['新技术', '新项目'], schema: text },
  { name: 'mentees', label: '带教徒弟及进展', en: 'Mentees and progress', aliases: ['带教', '师带徒', '徒弟'], schema: text },
  { name: 'remoteSessions', label: '远程教学（次）', en: 'Remote teaching sessions', aliases: ['远程', '远程教学'], schema: count },
  // What the texts count toward 达标 (rules/compliance): 进修 a year, 特色专科 and 适宜技术 over the cycle, the "四个一".
  { name: 'fellowsSent', label: '选派进修人数', en: 'Staff sent for further training', aliases: ['进修', '进修人数'], schema: count },
  { name: 'newSpecialties', label: '新建特色专科（个）', en: 'New specialty clinics', aliases: ['特色专科'], schema: count },
  { name: 'appropriateTechniques', label: '培育适宜技术（项）', en: 'Appropriate techniques fostered', aliases: ['适宜技术'], schema: count },
  { name: 'newServices', label: '新增服务项目（个）', en: 'New services', aliases: ['新增服务项目', '服务项目'], schema: count },
  { name: 'urgentNeeds', label: '解决医疗急需（项）', en: 'Urgent medical needs met', aliases: ['医疗急需'], schema: count },
  { name: 'weakLinks', label: '突破薄弱环节（个）', en: 'Weak links overcome', aliases: ['薄弱环节'], schema: count },
  { name: 'techTeams', label: '带出技术团队（支）', en: 'Technical teams built', aliases: ['技术团队'], schema: count },
  { name: 'patientsServed', label: '服务患者（人次）', en: 'Patients served', aliases: ['服务人次', '患者', '服务患者'], schema: count },
  { name: 'highlights', label: '工作亮点', en: 'Highlights', aliases: ['亮点'], schema: text },
  { name: 'problems', label: '存在问题', en: 'Problems', aliases: ['问题', '困难'], schema: text },
] as const

export type ReportFieldName = (typeof REPORT_FIELDS)[number]['name']
export type ReportValues = Partial<Record<ReportFieldName, number | string>>

const NUMERIC = new Set<string>(REPORT_FIELDS.filter((f) => f.schema === count).map((f) => f.name))

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const KNOWN_KEYS = REPORT_FIELDS.flatMap((f) => [f.name, f.label, ...f.aliases]).sort((a, b) => b.length - a.length).map(escape).join('|')
// “=” or “＝” after any word; “：” only after a field's own word, so “亮点=上午：查房” stays one value.
const PAIR = new RegExp(`((?:${KNOWN_KEYS})(?=：)|\\S+?(?=[=＝]))[=＝：](.*?)(?=\\s+(?:\\S+?[=＝]|(?:${KNOWN_KEYS})：)|$)`, 'g')

/** `门诊=12 查房=8 亮点=开展首例…`: Chinese words or field names; a value runs until the next `key=`; empty is unset. */
export function parseReportArgs(args: string, lang: Lang = 'zh'): { ok: true; values: ReportValues } | { ok: false; problems: string[] } {
  const en = lang === 'en'
  const values: ReportValues = {}
  const problems: string[] = []
  const pairs = [...args.matchAll(PAIR)]
  for (const [, key, raw] of pairs) {
    const field = REPORT_FIELDS.find((f) => f.name === key || f.label === key || (f.aliases as readonly string[]).includes(key!))
    if (!field) {
      problems.push(en ? `unknown item “${key}”` : `不认识“${key}”`)
      continue
    }
    if (!raw!.trim()) continue
    const parsed = field.schema.safeParse(raw)
    if (!parsed.success) {
      const numeric = NUMERIC.has(field.name)
      problems.push(
        en
          ? `${field.en} must be ${numeric ? `a whole number from 0 to ${COUNT_MAX}` : 'text of at most 2000 characters'}`
          : `${field.label}应填写${numeric ? ` 0 到 ${COUNT_MAX} 之间的整数` : '不超过2000字的文字'}`,
      )
    } else if (parsed.data !== '') values[field.name] = parsed.data
  }
  if (pairs.length === 0) problems.push(en ? 'no “item=value” found' : '没有找到“项目=数值”')
  return problems.length ? { ok: false, problems } : { ok: true, values }
}

/** The form as a card: every field optional, so a partial report can be saved and completed later. */
export function reportFormFields(): FormField[] {
  return REPORT_FIELDS.map((f) => ({ name: f.name, label: f.label, kind: NUMERIC.has(f.name) ? 'number' : 'text', required: false }))
}

export function formatReport(values: ReportValues, lang: Lang = 'zh'): string {
  return REPORT_FIELDS.filter((f) => values[f.name] !== undefined)
    .map((f) => (lang === 'en' ? `${f.en}: ${values[f.name]}` : `${f.label}：${values[f.name]}`))
    .join('\n')
}
