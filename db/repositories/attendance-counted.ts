import { and, asc, eq, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { attendanceDays, postings } from '../schema'

/**
 * Days of a posting between two dates (both included) that count as on site: a check-in, and where `minHours` is
 * set (a pattern that asks for 半天) a check-out at least that many hours after it.
 */
export async function countedDaysBetween(db: Db, postingId: string, from: string, to: string, minHours: number | null): Promise<string[]> {
  const enough = minHours === null ? sql`true` : sql`${attendanceDays.checkOutAt} >= ${attendanceDays.checkInAt} + make_interval(mins => ${Math.round(minHours * 60)})`
  const rows = await db
    .select({ day: attendanceDays.day })
    .from(attendanceDays)
    .where(and(eq(attendanceDays.postingId, postingId), isNotNull(attendanceDays.checkInAt), gte(attendanceDays.day, from), lte(attendanceDays.day, to), enough))
    .orderBy(asc(attendanceDays.day))
  return rows.map((r) => r.day)
}

/** Days between two dates the posting is excused (approved leave or 补卡 without a check-in). */
export async function excusedDaysBetween(db: Db, postingId: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .select({ day: attendanceDays.day })
    .from(attendanceDays)
    .where(and(eq(attendanceDays.postingId, postingId), eq(attendanceDays.status, 'excused'), gte(attendanceDays.day, from), lte(attendanceDays.day, to)))
  return rows.map((r) => r.day)
}

/** Postings of the tenant with a check-in on `day` and no check-out yet. */
export async function checkedInNotOut(db: Db, tenantId: string, day: string): Promise<string[]> {
  const rows = await db
    .select({ postingId: attendanceDays.postingId })
    .from(attendanceDays)
    .where(and(eq(attendanceDays.tenantId, tenantId), eq(attendanceDays.day, day), isNotNull(attendanceDays.checkInAt), isNull(attendanceDays.checkOutAt)))
  return rows.map((r) => r.postingId)
}

/** Active postings of the tenant whose last day is `day`. */
export async function postingIdsEndingOn(db: Db, tenantId: string, day: string): Promise<string[]> {
  const rows = await db
    .select({ id: postings.id })
    .from(postings)
    .where(and(eq(postings.tenantId, tenantId), eq(postings.status, 'active'), eq(postings.endsOn, day)))
    .orderBy(asc(postings.id))
  return rows.map((r) => r.id)
}
