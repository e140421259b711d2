import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { rowsOf } from '../database'
import { attendanceDays, attendanceEvents, type AttendanceEventKind, type Platform } from '../schema'

interface DayKey {
  tenantId: string
  postingId: string
  day: string
}

export interface CheckInClaim {
  first: boolean
  checkInAt: Date
  /** The check-in's attendance event, when this check-in is the day's first and its platform event is new. */
  eventId: string | null
  /** The latest shared location of the posting within `locationWindow`, looked up only for a new event. */
  nearbyLocation: { id: string; latitude: number | null; longitude: number | null } | null
}

/**
 * Sets the day's check-in time unless one is already set (creating the day if need be), keeps the raw event of a
 * first check-in and looks up the location shared around it, in one statement: the check-in path's round trips are
 * what bounds handling (docs/performance.md). The row lock serialises racing check-ins, so exactly one of them
 * wins; the others learn the time that stands. Written as SQL: drizzle's query builder takes 80–140 µs of CPU to
 * build each statement (bench/profile.ts).
 */
export async function claimCheckIn(
  db: Db,
  key: DayKey,
  at: Date,
  event: { personId: string; platform: Platform; platformEventId: string; locationWindow: { from: Date; to: Date } },
): Promise<CheckInClaim> {
  const when = at.toISOString()
  const [row] = rowsOf<{ won_at: Date | string | null; standing_at: Date | string | null; event_id: string | null; location_id: string | null; latitude: number | null; longitude: number | null }>(
    await db.execute(sql`
      with won as (
        insert into attendance_days (tenant_id, posting_id, day, check_in_at)
        values (${key.tenantId}, ${key.postingId}::uuid, ${key.day}::date, ${when}::timestamptz)
        on conflict (posting_id, day) do update set check_in_at = excluded.check_in_at where attendance_days.check_in_at is null
        returning check_in_at
      ), event as (
        insert into attendance_events (tenant_id, posting_id, person_id, kind, occurred_at, platform, platform_event_id)
        select ${key.tenantId}, ${key.postingId}::uuid, ${event.personId}::uuid, 'checkIn', ${when}::timestamptz, ${event.platform}, ${event.platformEventId} from won
        on conflict (platform, platform_event_id) do nothing
        returning id
      )
      select won.check_in_at as won_at,
        (select check_in_at from attendance_days where posting_id = ${key.postingId}::uuid and day = ${key.day}::date) as standing_at,
        event.id as event_id, near.id as location_id, near.latitude, near.longitude
      from (select 1) as one
      left join won on true
      left join event on true
      left join lateral (
        select id, latitude, longitude from attendance_events
        where posting_id = ${key.postingId}::uuid and kind = 'location'
          and occurred_at >= ${event.locationWindow.from.toISOString()}::timestamptz and occurred_at <= ${event.locationWindow.to.toISOString()}::timestamptz
        order by occurred_at desc limit 1
      ) as near on event.id is not null`),
  )
  const nearbyLocation = row?.location_id ? { id: row.location_id, latitude: row.latitude, longitude: row.longitude } : null
  if (row?.won_at) return { first: true, checkInAt: new Date(row.won_at), eventId: row.event_id, nearbyLocation }
  // The statement sees the day as it was when it started: a check-in committed by another transaction while this one
  // waited for the row's lock is read again.
  const standing = row?.standing_at ?? (await findDay(db, key.postingId, key.day))!.checkInAt!
  return { first: false, checkInAt: new Date(standing), eventId: null, nearbyLocation: null }
}

/**
 * Records the latest check-out of the day (creating the day if need be) and keeps its raw event, in one statement;
 * returns the check-out it replaces and the day's check-in. The check-out it replaces is read as the statement
 * starts: a sender's messages are handled one at a time, so only the same posting's check-out from a second account
 * in the same instant could be missed, and then only in the reply's wording.
 */
export async function recordCheckOut(
  db: Db,
  key: DayKey,
  at: Date,
  event: { personId: string; platform: Platform; platformEventId: string },
): Promise<{ previousCheckOutAt: Date | null; checkInAt: Date | null }> {
  const when = at.toISOString()
  const [row] = rowsOf<{ previous_check_out_at: Date | string | null; check_in_at: Date | string | null }>(
    await db.execute(sql`
      with day as (
        insert into attendance_days (tenant_id, posting_id, day, check_out_at)
        values (${key.tenantId}, ${key.postingId}::uuid, ${key.day}::date, ${when}::timestamptz)
        on conflict (posting_id, day) do update set check_out_at = excluded.check_out_at
        returning check_in_at
      ), event as (
        insert into attendance_events (tenant_id, posting_id, person_id, kind, occurred_at, platform, platform_event_id)
        values (${key.tenantId}, ${key.postingId}::uuid, ${event.personId}::uuid, 'checkOut', ${when}::timestamptz, ${event.platform}, ${event.platformEventId})
        on conflict (platform, platform_event_id) do nothing
      )
      select (select check_out_at from attendance_days where posting_id = ${key.postingId}::uuid and day = ${key.day}::date) as previous_check_out_at,
        (select check_in_at from day) as check_in_at`),
  )
  const date = (value: Date | string | null | undefined) => (value ? new Date(value) : null)
  return { previousCheckOutAt: date(row?.previous_check_out_at), checkInAt: date(row?.check_in_at) }
}

export async function findDay(db: Db, postingId: string, day: string) {
  const [row] = await db
    .select()
    .from(attendanceDays)
    .where(and(eq(attendanceDays.postingId, postingId), eq(attendanceDays.day, day)))
    .limit(1)
  return row ?? null
}

/** Days of a posting with a check-in. */
export async function countCheckedInDays(db: Db, postingId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(attendanceDays)
    .where(and(eq(attendanceDays.postingId, postingId), isNotNull(attendanceDays.checkInAt)))
  return row?.n ?? 0
}

export interface AttendanceEventInput {
  tenantId: string
  postingId: string
  personId: string
  kind: AttendanceEventKind
  occurredAt: Date
  platform: Platform
  platformEventId: string
  latitude?: number
  longitude?: number
}

/** Keeps the raw event; a second copy of the same platform event is ignored. Returns the new row's id, or null. */
export async function recordAttendanceEvent(db: Db, event: AttendanceEventInput): Promise<{ id: string } | null> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into attendance_events (tenant_id, posting_id, person_id, kind, occurred_at, platform, platform_event_id, latitude, longitude)
      values (${event.tenantId}, ${event.postingId}::uuid, ${event.personId}::uuid, ${event.kind}, ${event.occurredAt.toISOString()}::timestamptz,
        ${event.platform}, ${event.platformEventId}, ${event.latitude ?? null}::float8, ${event.longitude ?? null}::float8)
      on conflict (platform, platform_event_id) do nothing
      returning id`),
  )
  return row ?? null
}

/** Marks days without a check-in as excused (approved leave or 补卡); days already checked in stay as they are. */
export async function excuseDays(db: Db, key: { tenantId: string; postingId: string }, days: string[]): Promise<void> {
  if (days.length === 0) return
  await db
    .insert(attendanceDays)
    .values(days.map((day) => ({ ...key, day, status: 'excused' as const })))
    .onConflictDoUpdate({
      target: [attendanceDays.postingId, attendanceDays.day],
      set: { status: sql`case when ${attendanceDays.checkInAt} is null then 'excused' else ${attendanceDays.status} end` },
    })
}

/** Undoes `excuseDays` for days no longer on leave (销假 before the leave ended). */
export async function unexcuseDays(db: Db, postingId: string, days: string[]): Promise<void> {
  if (days.length === 0) return
  await db
    .update(attendanceDays)
    .set({ status: 'open' })
    .where(and(eq(attendanceDays.postingId, postingId), inArray(attendanceDays.day, days), eq(attendanceDays.status, 'excused')))
}

/** The latest event of a kind on a posting within [from, to]: its id and where it was sent from, if it says. */
export async function latestEventBetween(db: Db, postingId: string, kind: AttendanceEventKind, from: Date, to: Date) {
  const [row] = rowsOf<{ id: string; latitude: number | null; longitude: number | null }>(
    await db.execute(sql`
      select id, latitude, longitude from attendance_events
      where posting_id = ${postingId}::uuid and kind = ${kind} and occurred_at >= ${from.toISOString()}::timestamptz and occurred_at <= ${to.toISOString()}::timestamptz
      order by occurred_at desc limit 1`),
  )
  return row ?? null
}

export async function flagEvents(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.update(attendanceEvents).set({ flagged: true }).where(inArray(attendanceEvents.id, ids))
}

/** Days with a check-in on a posting between two dates, both included. */
export async function countCheckedInDaysBetween(db: Db, postingId: string, from: string, to: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(attendanceDays)
    .where(and(eq(attendanceDays.postingId, postingId), isNotNull(attendanceDays.checkInAt), gte(attendanceDays.day, from), lte(attendanceDays.day, to)))
  return row?.n ?? 0
}
