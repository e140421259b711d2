import { and, asc, eq, gte, isNotNull, lte } from 'drizzle-orm'
import type { Db } from '../client'
import { attendanceDays } from '../schema'

/** Days of a posting between two dates (both included) that already have a check-in, earliest first. */
export async function checkedInDaysBetween(db: Db, postingId: string, from: string, to: string) {
  return db
    .select({ day: attendanceDays.day, checkInAt: attendanceDays.checkInAt })
    .from(attendanceDays)
    .where(and(eq(attendanceDays.postingId, postingId), isNotNull(attendanceDays.checkInAt), gte(attendanceDays.day, from), lte(attendanceDays.day, to)))
    .orderBy(asc(attendanceDays.day))
}
