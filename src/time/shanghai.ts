/** Policies speak of calendar days in China; all reasoning about days goes through these helpers. */
export const TIME_ZONE = 'Asia/Shanghai'

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

// China has kept UTC+8 without daylight saving since 1991, so later instants need no time-zone rules: Intl takes
// microseconds a call, and a month's export formats thousands. Earlier (and invalid) instants still go to Intl.
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1)
const FOUR_DIGIT_YEARS_UNTIL = Date.UTC(9999, 0, 1)
const OFFSET_MS = 8 * 3_600_000

/** `YYYY-MM-DDTHH:MM:SS.sssZ` of the instant's Asia/Shanghai wall clock, or null where the offset is not fixed. */
function wallClock(at: Date): string | null {
  const t = at.getTime()
  return t >= FIXED_OFFSET_SINCE && t < FOUR_DIGIT_YEARS_UNTIL ? new Date(t + OFFSET_MS).toISOString() : null
}

/** The Asia/Shanghai calendar date of an instant, `YYYY-MM-DD`. */
export function shanghaiDate(at: Date): string {
  return wallClock(at)?.slice(0, 10) ?? dateFormat.format(at)
}

/** The Asia/Shanghai wall-clock time of an instant, `HH:MM`. */
export function shanghaiTime(at: Date): string {
  return wallClock(at)?.slice(11, 16) ?? timeFormat.format(at)
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), counting both ends. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}
