import type { Lang } from '../../domain/command'
import { REPORT_FIELDS, type ReportValues } from './fields'

/**
 * The shared 月报 is one row per org and month that several people fill in: when someone changes a value another
 * person saved, the reply names that person and the old value, so nothing is overwritten silently.
 */
export function overwriteNote(r: { before: ReportValues; after: ReportValues; previousName: string | null; previousOn: string }, lang: Lang = 'zh'): string {
  const changed = REPORT_FIELDS.filter((f) => r.before[f.name] !== undefined && r.after[f.name] !== undefined && r.before[f.name] !== r.after[f.name])
  if (!changed.length) return ''
  if (lang === 'en') {
    const lines = changed.map((f) => `${f.en}: ${r.before[f.name]} → ${r.after[f.name]}`)
    return `\nNote: these items were filled in by ${r.previousName ?? 'someone else'} (${r.previousOn}) and now hold the new values:\n${lines.join('\n')}`
  }
  const lines = changed.map((f) => `${f.label}：${r.before[f.name]} → ${r.after[f.name]}`)
  return `\n注意：以下项目原为${r.previousName ?? '他人'}（${r.previousOn}）填写，已改为新值：\n${lines.join('\n')}`
}

/** What the saved reply says about later changes: editable until the due date, or no longer once it has passed. */
export function editableNote(today: string, due: string, lang: Lang = 'zh'): string {
  if (lang === 'en') return today > due ? `The due date ${due} has passed: it can no longer be changed; for a correction please contact the medical affairs office.` : `It can still be changed until ${due}.`
  return today > due ? `截止日期 ${due} 已过，之后不能再修改；如需更正请联系医务科。` : `截止 ${due} 前可继续修改。`
}
