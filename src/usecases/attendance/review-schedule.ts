import { eachDay } from '../../time/chat-dates'

const DAY_MS = 86_400_000
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
const isMonday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1

/** Weeks (by their Monday) that are over by `today` and began on or after deployment; newer than `after`. */
export function weekPeriods(after: string | null, deployedOn: string, today: string): string[] {
  const lastMonday = shift(today, -7)
  const first = after ? shift(after, 7) : deployedOn
  if (first > lastMonday) return []
  return eachDay(first, lastMonday).filter(isMonday)
}

/** Months (`YYYY-MM`) that are over by `today` and began on or after deployment; newer than `after`. */
export function monthPeriods(after: string | null, deployedOn: string, today: string): string[] {
  const months: string[] = []
  let month = deployedOn.slice(8) === '01' ? deployedOn.slice(0, 7) : nextMonth(deployedOn.slice(0, 7))
  if (after && after >= month) month = nextMonth(after)
  while (month < today.slice(0, 7)) {
    months.push(month)
    month = nextMonth(month)
  }
  return months
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** The last day of a `YYYY-MM` month. */
export function lastDayOf(month: string): string {
  return shift(`${nextMonth(month)}-01`, -1)
}

export const sundayAfter = (monday: string) => shift(monday, 6)
