import { z } from 'zod'
import type { IsoDate } from './parameter'

// Calendar arithmetic on 'YYYY-MM-DD' strings, without `Date`: rules stay pure and time-zone free. The numbers here
// are the Gregorian calendar's (days per week, months per year, the 400-year cycle), never a policy's; this is the one
// rules/ module the no-policy-numbers test lets hold them.

const DAYS_PER_WEEK = 7
const MONTHS_PER_YEAR = 12
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** A length of time as a text states it ("6个月", "1年", "12周"); kept in the text's unit so nothing is rounded. */
export const Span = z.object({ count: z.number().positive(), unit: z.enum(['day', 'week', 'month', 'year']) })
export type Span = z.infer<typeof Span>

/** A month number, 1–12. */
export const MonthNumber = z.number().int().min(1).max(MONTHS_PER_YEAR)
/** A day-of-month number, 1–31 (clamped to the month's length where used). */
export const DayNumber = z.number().int().min(1).max(31)

interface Civil {
  year: number
  month: number
  day: number
}

function parse(date: IsoDate): Civil {
  const m = ISO_PATTERN.exec(date)
  if (!m) throw new RangeError(`expected YYYY-MM-DD, got ${date}`)
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
}

/** The date string for a year, month (1–12) and day. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** The number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** Whether a string is a real calendar date in 'YYYY-MM-DD' form (rejects 2023-02-29). */
export function isValidIsoDate(date: string): boolean {
  const m = ISO_PATTERN.exec(date)
  if (!m) return false
  const month = Number(m[2])
  const day = Number(m[3])
  return month >= 1 && month <= MONTHS_PER_YEAR && day >= 1 && day <= daysInMonth(Number(m[1]), month)
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil), so differences are plain subtraction.
function civilToDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parse(date)
  return civilToDays(year, month, day)
}

function fromDayNumber(days: number): IsoDate {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return isoDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** `date` moved by whole months; a day past the target month's end is clamped (08-31 + 6 months = 02-28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parse(date)
  const index = year * MONTHS_PER_YEAR + (month - 1) + months
  const y = Math.floor(index / MONTHS_PER_YEAR)
  const m = index - y * MONTHS_PER_YEAR + 1
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)))
}

/** The first day after a span that starts on `date`: a stint from `date` completes the span on the day before. */
export function addSpan(date: IsoDate, span: Span): IsoDate {
  switch (span.unit) {
    case 'day':
      return addDays(date, span.count)
    case 'week':
      return addDays(date, span.count * DAYS_PER_WEEK)
    case 'month':
      return addMonths(date, span.count)
    case 'year':
      return addMonths(date, span.count * MONTHS_PER_YEAR)
  }
}

/** Whether a stint from `from` to `to` (both days served) lasts at least `span`. */
export function coversSpan(from: IsoDate, to: IsoDate, span: Span): boolean {
  return addDays(to, 1) >= addSpan(from, span)
}

/** Days served in a stint from `from` to `to`, both counted. */
export function daysServed(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to) + 1
}

const boundsMemo = new Map<string, { min: number; max: number }>()

// The clamped month arithmetic of `addMonths`, on numbers, so the 146,097-day sweep below stays fast.
function monthSpanDays(year: number, month: number, day: number, months: number): number {
  const index = year * MONTHS_PER_YEAR + (month - 1) + months
  const y = Math.floor(index / MONTHS_PER_YEAR)
  const m = index - y * MONTHS_PER_YEAR + 1
  return civilToDays(y, m, Math.min(day, daysInMonth(y, m))) - civilToDays(year, month, day)
}

/**
 * The fewest and most calendar days a span can last, over every start day of the 400-year Gregorian cycle: a count
 * of days alone proves "6 months" only at or above `max` and disproves it only below `min`.
 */
export function spanDayBounds(span: Span): { min: number; max: number } {
  if (span.unit === 'day' || span.unit === 'week') {
    const days = span.count * (span.unit === 'week' ? DAYS_PER_WEEK : 1)
    return { min: days, max: days }
  }
  const key = `${span.count} ${span.unit}`
  const memo = boundsMemo.get(key)
  if (memo) return memo
  const months = span.unit === 'year' ? span.count * MONTHS_PER_YEAR : span.count
  let min = Number.POSITIVE_INFINITY
  let max = 0
  for (let year = 2000; year < 2400; year++) {
    for (let month = 1; month <= MONTHS_PER_YEAR; month++) {
      for (let day = 1; day <= daysInMonth(year, month); day++) {
        const length = monthSpanDays(year, month, day, months)
        if (length < min) min = length
        if (length > max) max = length
      }
    }
  }
  const bounds = { min, max }
  boundsMemo.set(key, bounds)
  return bounds
}

/** The year of a date. */
export function yearOf(date: IsoDate): number {
  return parse(date).year
}

/** January 1st of a year. */
export function yearStart(year: number): IsoDate {
  return isoDate(year, 1, 1)
}

/** The months of a year, 1 to 12. */
export function monthsOfYear(): number[] {
  return Array.from({ length: MONTHS_PER_YEAR }, (_, i) => i + 1)
}

/** A day of a month, or its last day for 'end' ("5月底" = 05-31). */
export function dayOfMonth(year: number, month: number, day: number | 'end'): IsoDate {
  return isoDate(year, month, day === 'end' ? daysInMonth(year, month) : Math.min(day, daysInMonth(year, month)))
}

/** 'YYYY-MM' of a date, e.g. the period key of a monthly report. */
export function monthKey(date: IsoDate): string {
  return date.slice(0, 7)
}

const UNIT_TEXT: Record<Span['unit'], string> = { day: '天', week: '周', month: '个月', year: '年' }

/** A span in Chinese, as a doctor reads it: "6个月", "1年". */
export function spanText(span: Span): string {
  return `${span.count}${UNIT_TEXT[span.unit]}`
}
