import type { Db } from '../../../db/client'
import { overridesForYear } from '../../../db/repositories/calendar'
import { addDays, eachDay } from '../../time/days'
import { calendarDay, type DayStatusInCalendar } from '../../time/calendar'

/** Reads the tenant's calendar a year at a time for one run; a day of an unknown year is `unknown`, never guessed. */
export function calendarReader(db: Db, tenantId: string) {
  const years = new Map<number, Awaited<ReturnType<typeof overridesForYear>>>()
  return async function statusOf(day: string): Promise<DayStatusInCalendar> {
    const year = Number(day.slice(0, 4))
    let overrides = years.get(year)
    if (!overrides) years.set(year, (overrides = await overridesForYear(db, tenantId, year)))
    return calendarDay(day, overrides.entries, overrides.entered).status
  }
}

/**
 * Workdays strictly after `day` up to and including `upTo`. A day the calendar cannot judge does not count: the grace
 * period is never cut short by a guess.
 */
export async function workdaysAfter(statusOf: (day: string) => Promise<DayStatusInCalendar>, day: string, upTo: string): Promise<number> {
  if (upTo <= day) return 0
  let n = 0
  for (const d of eachDay(addDays(day, 1), upTo)) if ((await statusOf(d)) === 'workday') n++
  return n
}
