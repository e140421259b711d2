import { z } from 'zod'
import { DATA_YEARS } from '../../domain/strict-input'
import type { Cell } from './table'

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef'
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}]) | (?=[${CJK}])`, 'g')

/**
 * A cell as text, the way an office means it: the Zhejiang tables break 地区 over lines (“杭\n州\n市”) and pad names
 * with full-width spaces, so whitespace next to a Chinese character is dropped and other runs become one space.
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return String(cell).replace(/[\s\u3000\u00a0\ufeff]+/g, ' ').trim().replace(SPACE_NEXT_TO_CJK, '')
}

/** A header as compared: no spaces, markers such as “*” or notes in brackets (“开始日期（YYYY-MM-DD）”), case-blind. */
export function headerKey(cell: Cell | undefined): string {
  return cellText(cell)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊_:：]/g, '')
    .toLowerCase()
}

/** Column index of each field whose header (or one of its aliases) appears in `cells`. */
export function matchHeaders<F extends string>(cells: Cell[], aliases: Record<F, string[]>): Partial<Record<F, number>> {
  const keys = cells.map(headerKey)
  const found: Partial<Record<F, number>> = {}
  for (const [field, names] of Object.entries(aliases) as [F, string[]][]) {
    const index = keys.findIndex((k) => names.some((n) => headerKey(n) === k))
    if (index >= 0) found[field] = index
  }
  return found
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000

function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null
}

/**
 * A calendar day from a date cell (exceljs reads Excel dates as UTC midnight), an Excel serial number, or text such
 * as 2014-02-15, 2014/2/15, 2014.2.15 or 2014年2月15日. Undefined when blank; null when it is not a real date.
 */
export function cellDay(cell: Cell | undefined): string | null | undefined {
  if (cell === null || cell === undefined || cellText(cell) === '') return undefined
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10)
  if (typeof cell === 'number') return cell > 0 && cell < 2958466 ? new Date(EXCEL_EPOCH_MS + Math.floor(cell) * DAY_MS).toISOString().slice(0, 10) : null
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cellText(cell)) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(cellText(cell))
  return match ? isoDay(Number(match[1]), Number(match[2]), Number(match[3])) : null
}

/** Any cell; fields narrow it with the schemas below. */
export const AnyCell = z.custom<Cell>(() => true).optional()

/** Text that must be there. */
export const requiredText = (label: string) =>
  AnyCell.transform(cellText).pipe(z.string().min(1, { message: `缺少${label}` }))

/** Text that may be blank (blank = leave what is stored as it is). */
export const optionalText = AnyCell.transform((cell) => cellText(cell) || undefined)

/** A day; `required` says whether a blank is an error. */
export const dayCell = <R extends boolean>(label: string, required: R) =>
  AnyCell.transform((cell, ctx) => {
    const day = cellDay(cell)
    const year = day ? Number(day.slice(0, 4)) : 0
    if (day === null) ctx.addIssue({ code: 'custom', message: `${label}“${cellText(cell)}”不是有效日期（例如 2014-02-15）` })
    else if (day === undefined && required) ctx.addIssue({ code: 'custom', message: `缺少${label}` })
    // Postings and support pairs are about this century: 0001-01-01 or 9999-12-31 is a typing accident, not a term.
    else if (day && (year < DATA_YEARS.min || year > DATA_YEARS.max)) ctx.addIssue({ code: 'custom', message: `${label}“${cellText(cell)}”不在 ${DATA_YEARS.min}—${DATA_YEARS.max} 年之间` })
    return (day ?? undefined) as R extends true ? string : string | undefined
  })

/** A value an office types in Chinese (or the code name itself), mapped to its code; blank is undefined. */
export function mappedCell<T extends string>(label: string, table: Record<string, T>) {
  const lookup = new Map(Object.entries(table).map(([k, v]) => [headerKey(k), v]))
  for (const v of new Set(Object.values(table))) lookup.set(v.toLowerCase(), v)
  const hint = Object.keys(table).slice(0, 8).join('、')
  return AnyCell.transform((cell, ctx): T | undefined => {
    const text = cellText(cell)
    if (!text) return undefined
    const hit = lookup.get(headerKey(text))
    if (!hit) ctx.addIssue({ code: 'custom', message: `${label}“${text}”无法识别（可填：${hint} 等）` })
    return hit
  })
}

/** 是/否 (or yes/no, true/false, 1/0); blank is undefined. */
export function yesNoCell(label: string) {
  return AnyCell.transform((cell, ctx): boolean | undefined => {
    if (typeof cell === 'boolean') return cell
    const text = cellText(cell).toLowerCase()
    if (!text) return undefined
    if (['是', 'y', 'yes', 'true', '1', '√'].includes(text)) return true
    if (['否', 'n', 'no', 'false', '0', '×'].includes(text)) return false
    ctx.addIssue({ code: 'custom', message: `${label}“${cellText(cell)}”应填“是”或“否”` })
    return undefined
  })
}

/** A whole number of people, at most `max`; blank is undefined. */
export function countCell(label: string, max: number) {
  return AnyCell.transform((cell, ctx): number | undefined => {
    const text = cellText(cell)
    if (!text) return undefined
    const n = typeof cell === 'number' ? cell : /^\d+$/.test(text) ? Number(text) : Number.NaN
    if (!Number.isInteger(n) || n < 0 || n > max) ctx.addIssue({ code: 'custom', message: `${label}“${text}”应为 0 至 ${max} 的整数` })
    return Number.isInteger(n) && n >= 0 && n <= max ? n : undefined
  })
}

/** The reasons a row failed, in Chinese, one line. */
export function reasonOf(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => i.message))].join('；')
}
