import { z } from 'zod'

/**
 * The one reader of days, months and whole numbers that people type (chat commands, the CLI, the admin API): strict
 * about what it accepts (real calendar dates in a stated year window, whole numbers in a stated range; no hexadecimal,
 * no exponents), tolerant about how it is typed (full-width digits, “：”, “＝”, 年月日, / and .).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Reason }
/** A short, polite reason in both languages; the caller picks the sender's. */
export interface Reason {
  zh: string
  en: string
}

export interface YearWindow {
  min: number
  max: number
}

/** Years any stored record can be about: the programmes began in the 2000s; 0000 and 9999 are typing accidents. */
export const DATA_YEARS: YearWindow = { min: 2000, max: 2099 }

/** A real instant within `years` (by default DATA_YEARS: what PostgreSQL and the export both represent). */
export function inDataYears(at: Date, years: YearWindow = DATA_YEARS): boolean {
  const year = at.getUTCFullYear()
  return !Number.isNaN(at.getTime()) && year >= years.min && year <= years.max
}

/** The window `before` years before and `after` years after today's year (`today` as YYYY-MM-DD). */
export function yearsAround(today: string, before: number, after: number): YearWindow {
  const year = Number(today.slice(0, 4))
  return { min: year - before, max: year + after }
}

const FULL_WIDTH = /[\uff01-\uff5e]/g
const SPACES = /[\u3000\u00a0]/g

/** Full-width forms (０-９, －, ／, ：, ＝ …) as their ASCII twins, odd spaces as spaces. */
export function normalizeInput(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(SPACES, ' ')
}

const fail = <T>(zh: string, en: string): Parsed<T> => ({ ok: false, reason: { zh, en } })
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const pad = (n: number) => String(n).padStart(2, '0')
const shown = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text)

export interface NumberRange {
  min: number
  max: number
  /** What the number is, for the reason: “门诊（半天）”, “the leave number”. */
  label: Reason
}

/** A whole number in decimal digits within `range`; the reason states the range. */
export function parseWholeNumber(text: string, range: NumberRange): Parsed<number> {
  const t = normalizeInput(text).trim()
  const outside = fail<number>(`${range.label.zh}应为 ${range.min} 到 ${range.max} 之间的整数`, `${range.label.en} must be a whole number from ${range.min} to ${range.max}`)
  if (!/^\+?\d+$/.test(t)) return outside
  // Leading zeros are harmless; more than 15 significant digits is out of every range here.
  const digits = t.replace(/^\+?0*(?=\d)/, '')
  if (digits.length > 15) return outside
  const n = Number(digits)
  return n >= range.min && n <= range.max ? ok(n) : outside
}

function realDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(2000, m - 1, d))
  date.setUTCFullYear(y)
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null
}

const FULL_DAY = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/
const SHORT_DAY = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/
const DAY_MS = 86_400_000

export interface DayOptions {
  years: YearWindow
  /** Today (YYYY-MM-DD): when given, a day without its year (11-24, 11月24日) is the one nearest today. */
  today?: string
}

const outsideYears = <T>(text: string, years: YearWindow) =>
  fail<T>(`“${shown(text)}”不在 ${years.min}—${years.max} 年之间`, `“${shown(text)}” is not between ${years.min} and ${years.max}`)

/** A real calendar day as YYYY-MM-DD: 2026-11-24, 2026/11/24, 2026.11.24, 2026年11月24日, 20261124, and 11-24 with `today`. */
export function parseDay(text: string, options: DayOptions): Parsed<string> {
  const t = normalizeInput(text).trim()
  const notADay = fail<string>(`“${shown(t)}”不是有效日期（例如 2026-11-24）`, `“${shown(t)}” is not a real date (e.g. 2026-11-24)`)
  const full = FULL_DAY.exec(t) ?? COMPACT_DAY.exec(t)
  if (full) {
    const day = realDay(Number(full[1]), Number(full[2]), Number(full[3]))
    if (!day) return notADay
    const year = Number(full[1])
    return year < options.years.min || year > options.years.max ? outsideYears(t, options.years) : ok(day)
  }
  const short = options.today ? SHORT_DAY.exec(t) : null
  if (!short || !options.today) return notADay
  const today = options.today
  const year = Number(today.slice(0, 4))
  const distance = (d: string) => Math.abs(Date.parse(`${d}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS
  const nearest = [year - 1, year, year + 1]
    .map((y) => realDay(y, Number(short[1]), Number(short[2])))
    .filter((d): d is string => d !== null)
    .sort((a, b) => distance(a) - distance(b))[0]
  return nearest ? ok(nearest) : notADay
}

const MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/
const COMPACT_MONTH = /^(\d{4})(\d{2})$/

/** A real month as YYYY-MM: 2026-11, 2026/11, 2026.11, 2026年11月, 202611; 2026-13 and years outside `years` refused. */
export function parseMonth(text: string, years: YearWindow): Parsed<string> {
  const t = normalizeInput(text).trim()
  const match = MONTH.exec(t) ?? COMPACT_MONTH.exec(t)
  const month = match ? Number(match[2]) : 0
  if (!match || month < 1 || month > 12) return fail(`“${shown(t)}”不是有效月份（例如 2026-11）`, `“${shown(t)}” is not a month (e.g. 2026-11)`)
  const year = Number(match[1])
  if (year < years.min || year > years.max) return outsideYears(t, years)
  return ok(`${year}-${pad(month)}`)
}

/** The same rules as zod schemas, for query strings and bodies (reasons in English, as the admin API answers). */
export const zodDay = (name = 'day', years: YearWindow = DATA_YEARS) =>
  z.string().transform((s, ctx) => {
    const parsed = parseDay(s, { years })
    if (parsed.ok) return parsed.value
    ctx.addIssue({ code: 'custom', message: `${name} must be YYYY-MM-DD from ${years.min} to ${years.max}: ${parsed.reason.en}` })
    return z.NEVER
  })

export const zodMonth = (name = 'month', years: YearWindow = DATA_YEARS) =>
  z.string().transform((s, ctx) => {
    const parsed = parseMonth(s, years)
    if (parsed.ok) return parsed.value
    ctx.addIssue({ code: 'custom', message: `${name} must be YYYY-MM from ${years.min} to ${years.max}: ${parsed.reason.en}` })
    return z.NEVER
  })
