import chineseDays from 'chinese-days'

// chinese-days is CommonJS: in Node ESM its functions are reachable only through the default export.
const { getDayDetail, getHolidaysInRange } = chineseDays

export type DayStatusInCalendar = 'workday' | 'restday' | 'unknown'

export interface CalendarDay {
  day: string
  status: DayStatusInCalendar
  /** The holiday or 调休 name when the day is one, e.g. 国庆节. */
  name: string | null
  source: 'override' | 'library' | 'none'
}

export interface CalendarOverride {
  kind: 'holiday' | 'workday'
  name: string
}

const coveredYears = new Map<number, boolean>()

/** The holiday library ships data for a range of years and answers silently wrong outside it: ask it per year. */
export function libraryCoversYear(year: number): boolean {
  let covered = coveredYears.get(year)
  if (covered === undefined) {
    covered = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0
    coveredYears.set(year, covered)
  }
  return covered
}

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday === 0 || weekday === 6
}

/**
 * Whether a day is a workday in China: an admin's entry for the day first (the State Council's notice for a year the
 * library does not cover yet), then the library (statutory holidays and 调休 makeup workdays). A year nobody has
 * entered and the library does not know is `unknown` — never a guess from weekdays alone.
 */
export function calendarDay(day: string, overrides: ReadonlyMap<string, CalendarOverride>, yearEntered: boolean): CalendarDay {
  const override = overrides.get(day)
  if (override) return { day, status: override.kind === 'workday' ? 'workday' : 'restday', name: override.name, source: 'override' }
  const year = Number(day.slice(0, 4))
  if (libraryCoversYear(year)) {
    const detail = getDayDetail(day)
    // The library names ordinary days by weekday ("Friday"); holidays and 调休 as "English,中文,n".
    const chinese = detail.name.split(',')[1] ?? null
    return { day, status: detail.work ? 'workday' : 'restday', name: chinese, source: 'library' }
  }
  if (yearEntered) return { day, status: isWeekend(day) ? 'restday' : 'workday', name: null, source: 'override' }
  return { day, status: 'unknown', name: null, source: 'none' }
}

/** The last year the holiday library has data for (it ships whole years, oldest 2004). */
export function lastLibraryYear(fromYear: number): number {
  let year = fromYear
  while (libraryCoversYear(year + 1)) year++
  while (year > 0 && !libraryCoversYear(year)) year--
  return year
}
