/** Policies speak of calendar days in China; all reasoning about days goes through these helpers. */
export const TIME_ZONE = 'Asia/Shanghai'

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** The Asia/Shanghai calendar date of an instant, `YYYY-MM-DD`. */
export function shanghaiDate(at: Date): string {
  return dateFormat.format(at)
}

/** The Asia/Shanghai wall-clock time of an instant, `HH:MM`. */
export function shanghaiTime(at: Date): string {
  return timeFormat.format(at)
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), counting both ends. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}
