import type { Db } from '../../../db/client'
import { countedDaysBetween } from '../../../db/repositories/attendance-counted'
import { eachDay } from '../../time/days'
import { calendarReader } from './workdays'

/** Days from `from` to `to` split at Mondays (the first and last week may be short). */
export function weeksOf(from: string, to: string): string[][] {
  const weeks: string[][] = []
  for (const day of eachDay(from, to)) {
    if (weeks.length === 0 || new Date(`${day}T00:00:00Z`).getUTCDay() === 1) weeks.push([])
    weeks.at(-1)!.push(day)
  }
  return weeks
}

/**
 * Weeks on site between two dates: a week counts when the doctor checked in on every one of its workdays inside the
 * range (Sichuan "每月不少于1周，累计…不少于12周"). A week with a day the calendar cannot judge does not count.
 */
export async function weeksOnSite(db: Db, tenantId: string, postingId: string, from: string, to: string): Promise<number> {
  const statusOf = calendarReader(db, tenantId)
  const present = new Set(await countedDaysBetween(db, postingId, from, to, null))
  let weeks = 0
  for (const week of weeksOf(from, to)) {
    // One query at a time: db may be the message's transaction (one connection).
    const statuses: Awaited<ReturnType<typeof statusOf>>[] = []
    for (const day of week) statuses.push(await statusOf(day))
    if (statuses.includes('unknown')) continue
    const workdays = week.filter((_, i) => statuses[i] === 'workday')
    if (workdays.length > 0 && workdays.every((d) => present.has(d))) weeks++
  }
  return weeks
}
