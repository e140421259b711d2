import { dates } from '../../rules'

/**
 * Calendar-day arithmetic on `YYYY-MM-DD`, in one place: the rules core's pure helpers plus the few shapes the
 * jobs and the demo need (weeks from Monday, months as `YYYY-MM`).
 */
export const addDays = dates.addDays

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

/** The Monday of the week `day` falls in. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday + 6) % 7))
}

/** The month after a `YYYY-MM` month. */
export function nextMonth(month: string): string {
  return dates.addMonths(`${month}-01`, 1).slice(0, 7)
}

/** The last day of a `YYYY-MM` month. */
export function lastDayOf(month: string): string {
  return addDays(`${nextMonth(month)}-01`, -1)
}
