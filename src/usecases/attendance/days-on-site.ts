import type { Db } from '../../../db/client'
import { countCheckedInDaysBetween, findDay } from '../../../db/repositories/attendance'
import { countedDaysBetween } from '../../../db/repositories/attendance-counted'
import { addDays } from '../../time/days'

/**
 * Days on site from `from` to `today` as the week's or month's review will count them: with `halfDayHours` set, a past
 * day counts only with a 签退 that many hours after 签到; today counts once checked in, since it is not over yet.
 */
export async function daysOnSiteSoFar(db: Db, postingId: string, from: string, today: string, halfDayHours: number | null): Promise<number> {
  if (halfDayHours === null) return countCheckedInDaysBetween(db, postingId, from, today)
  const past = from < today ? (await countedDaysBetween(db, postingId, from, addDays(today, -1), halfDayHours)).length : 0
  const todayRecord = await findDay(db, postingId, today)
  return past + (todayRecord?.checkInAt ? 1 : 0)
}
