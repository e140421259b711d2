import { addDays, eachDay, nextMonth } from '../../time/days'

const isMonday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1

/** Weeks (by their Monday) that are over by `today` and began on or after deployment; newer than `after`. */
export function weekPeriods(after: string | null, deployedOn: string, today: string): string[] {
  const lastMonday = addDays(today, -7)
  const first = after ? addDays(after, 7) : deployedOn
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

export const sundayAfter = (monday: string) => addDays(monday, 6)
