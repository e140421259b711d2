import { and, eq, gte, lte } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { people, postings } from '../../../db/schema'
import { lastDayOf } from '../../time/days'
import type { Lang } from '../../domain/command'
import { count } from './fields'

/**
 * The 月报 numbers the texts count per posted doctor (豫卫发〔2015〕2号 附件8 三(一)1: 每名派驻医师每周出门诊至少3个半天,
 * 每周1次教学查房, 每2周1次科内临床教学), for the whole month. Written `门诊@张伟=12`; `@我` is the sender.
 */
export const DOCTOR_FIELDS = [
  { name: 'outpatientHalfDays', label: '出门诊（个半天）', en: 'outpatient half-days', aliases: ['门诊', '出诊', '出门诊', '门诊半天'] },
  { name: 'teachingRounds', label: '教学查房（次）', en: 'teaching rounds', aliases: ['教学查房', '查房'] },
  { name: 'clinicalTeaching', label: '科内临床教学（次）', en: 'clinical teaching sessions', aliases: ['科内教学', '临床教学', '科内临床教学'] },
] as const

export type DoctorFieldName = (typeof DOCTOR_FIELDS)[number]['name']
/** Stored in the report's fields as `doctors`: by person id, with the name as written when saved. */
export type DoctorValues = Record<string, { name: string } & Partial<Record<DoctorFieldName, number>>>

const SELF = new Set(['我', '本人', 'me'])
const PAIRS = /(\S+?)[=＝](.*?)(?=\s+\S+?[=＝]|$)/g

/** The `字段@姓名=数` pairs of a 月报 line, apart from the rest (which the org-level fields read as before). */
export function splitDoctorArgs(args: string): { rest: string; entries: { field: DoctorFieldName | null; key: string; who: string; raw: string }[] } {
  const entries: { field: DoctorFieldName | null; key: string; who: string; raw: string }[] = []
  const taken: string[] = []
  // Only the per-doctor entries (name@who=value) are taken out; the rest goes to the report's own reader as typed,
  // so its forms (门诊：12, full-width digits) are read there.
  for (const [whole, key, raw] of args.matchAll(PAIRS)) {
    const at = /^(.+?)[@＠](.+)$/.exec(key!)
    if (!at) continue
    taken.push(whole)
    const field = DOCTOR_FIELDS.find((f) => f.name === at[1] || f.label === at[1] || (f.aliases as readonly string[]).includes(at[1]!))
    entries.push({ field: field?.name ?? null, key: at[1]!, who: at[2]!, raw: raw!.trim() })
  }
  return { rest: taken.reduce((left, entry) => left.replace(entry, ' '), args).replace(/\s+/g, ' ').trim(), entries }
}

/** Doctors posted to the org at some point of the month, by name (a name two of them share is ambiguous). */
export async function doctorsOfMonth(db: Db, tenantId: string, receivingOrgId: string, month: string) {
  const first = `${month}-01`
  const last = lastDayOf(month)
  return db
    .selectDistinct({ personId: people.id, name: people.name })
    .from(postings)
    .innerJoin(people, eq(people.id, postings.personId))
    .where(and(eq(postings.tenantId, tenantId), eq(postings.receivingOrgId, receivingOrgId), lte(postings.startsOn, last), gte(postings.endsOn, first)))
}

/**
 * Resolves `字段@姓名=数` against the doctors posted to the org that month and merges them into what is stored;
 * a name that is no such doctor, or a value that is no whole number, is a problem to fix, and nothing is saved.
 */
export function mergeDoctorValues(
  stored: DoctorValues,
  entries: ReturnType<typeof splitDoctorArgs>['entries'],
  doctors: { personId: string; name: string }[],
  senderId: string,
  lang: Lang = 'zh',
): { ok: true; doctors: DoctorValues } | { ok: false; problems: string[] } {
  const en = lang === 'en'
  const problems: string[] = []
  const out: DoctorValues = structuredClone(stored)
  for (const e of entries) {
    const field = DOCTOR_FIELDS.find((f) => f.name === e.field)
    if (!field) {
      problems.push(
        en
          ? `“${e.key}@${e.who}”: only ${DOCTOR_FIELDS.map((f) => f.name).join(', ')} are given per doctor`
          : `“${e.key}@${e.who}”：按人填写的只有${DOCTOR_FIELDS.map((f) => f.aliases[0]).join('、')}`,
      )
      continue
    }
    const matches = SELF.has(e.who.toLowerCase()) ? doctors.filter((d) => d.personId === senderId) : doctors.filter((d) => d.name === e.who)
    if (matches.length !== 1) {
      if (en) problems.push(matches.length > 1 ? `${matches.length} doctors here this month are called “${e.who}”; please ask the medical affairs office to tell them apart` : `“${e.who}” is not a doctor posted here this month`)
      else problems.push(matches.length > 1 ? `本单位本月有 ${matches.length} 位“${e.who}”，请联系医务科区分` : `“${e.who}”不是本月派驻到本单位的医生`)
      continue
    }
    if (!e.raw) continue
    const parsed = count.safeParse(e.raw)
    if (!parsed.success) {
      problems.push(en ? `${field.en} (${e.who}) must be a whole number, 0 or more` : `${field.label}（${e.who}）应填写非负整数`)
      continue
    }
    const doctor = matches[0]!
    out[doctor.personId] = { ...out[doctor.personId], name: doctor.name, [field.name]: parsed.data }
  }
  return problems.length ? { ok: false, problems } : { ok: true, doctors: out }
}

/** The per-doctor numbers as report lines: `张伟：出门诊（个半天）12，教学查房（次）4`. */
export function formatDoctorValues(doctors: DoctorValues | undefined, lang: Lang = 'zh'): string {
  if (!doctors) return ''
  const en = lang === 'en'
  return Object.values(doctors)
    .map((d) => {
      const given = DOCTOR_FIELDS.filter((f) => d[f.name] !== undefined)
      return en ? `${d.name}: ${given.map((f) => `${f.en} ${d[f.name]}`).join(', ')}` : `${d.name}：${given.map((f) => `${f.label}${d[f.name]}`).join('，')}`
    })
    .join('\n')
}
