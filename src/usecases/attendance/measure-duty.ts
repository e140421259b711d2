import type { Db } from '../../../db/client'
import { countedDaysBetween, excusedDaysBetween } from '../../../db/repositories/attendance-counted'
import type { DutyPattern } from '../../../rules'
import { eachDay } from '../../time/days'
import { halfDayReading, needsHalfDay, SHORT_WEEK_READING } from './half-day'
import { calendarReader } from './workdays'
import { weeksOnSite } from './weeks-on-site'

export interface Measured {
  achieved: number
  required: number
  unit: string
  /** This deployment's readings the verdict rests on, said with it (半天, a holiday week). */
  readings: string[]
}

/**
 * How much of a weekly or monthly duty one posting met over a period, or null when the period cannot be judged
 * (a day the calendar does not know, or no workday left once leave is taken out).
 */
export async function measureDuty(
  db: Db,
  period: { tenantId: string; from: string; to: string },
  postingId: string,
  pattern: DutyPattern,
  halfDayHours: number,
): Promise<Measured | null> {
  const hours = needsHalfDay(pattern) ? halfDayHours : null
  const readings = hours === null ? [] : [halfDayReading(hours)]
  const counted = async () => (await countedDaysBetween(db, postingId, period.from, period.to, hours)).length
  if (pattern.kind === 'visitsPerWeek' || pattern.kind === 'daysPerMonth') return { achieved: await counted(), required: pattern.min, unit: '次', readings }
  if (pattern.kind === 'weeksPerMonth') {
    return { achieved: await weeksOnSite(db, period.tenantId, postingId, period.from, period.to), required: pattern.minWeeksPerMonth, unit: '周', readings }
  }
  if (pattern.kind !== 'daysPerWeek') return null
  // "每周工作时间不少于 5 日": a week with fewer workdays (a statutory holiday, approved leave) needs those days only.
  const statusOf = calendarReader(db, period.tenantId)
  const days = eachDay(period.from, period.to)
  // One query at a time: db may be the message's transaction (one connection).
  const statuses: Awaited<ReturnType<typeof statusOf>>[] = []
  for (const day of days) statuses.push(await statusOf(day))
  if (statuses.includes('unknown')) return null
  const excused = new Set(await excusedDaysBetween(db, postingId, period.from, period.to))
  const workdays = days.filter((d, i) => statuses[i] === 'workday' && !excused.has(d)).length
  if (workdays === 0) return null
  const required = Math.min(pattern.minDays, workdays)
  return { achieved: await counted(), required, unit: '天', readings: required < pattern.minDays ? [...readings, SHORT_WEEK_READING] : readings }
}
