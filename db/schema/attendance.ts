import { boolean, date, doublePrecision, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'
import { people, type Platform } from './people'
import { postings } from './postings'

export const ATTENDANCE_EVENT_KINDS = ['checkIn', 'checkOut', 'location', 'punchCorrection'] as const
export type AttendanceEventKind = (typeof ATTENDANCE_EVENT_KINDS)[number]

/** Raw attendance events as received; the platform's event id makes a redelivery a no-op. */
export const attendanceEvents = pgTable(
  'attendance_events',
  {
    id: id(),
    tenantId: tenantId(),
    postingId: uuid('posting_id')
      .notNull()
      .references(() => postings.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind').$type<AttendanceEventKind>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    platform: text('platform').$type<Platform>().notNull(),
    platformEventId: text('platform_event_id').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    flagged: boolean('flagged').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    unique('attendance_events_platform_event_uq').on(t.platform, t.platformEventId),
    index('attendance_events_posting_idx').on(t.postingId, t.occurredAt),
  ],
)

/** unverified: 待核实, no check-in and nothing approved yet; notCounted: the approver's 不计; unexcused: a finding. */
export const DAY_STATUSES = ['open', 'present', 'excused', 'unexcused', 'notRequired', 'unknown', 'unverified', 'notCounted'] as const
export type DayStatus = (typeof DAY_STATUSES)[number]

/** One row per posting and Asia/Shanghai calendar day: the attendance record the policies judge. */
export const attendanceDays = pgTable(
  'attendance_days',
  {
    id: id(),
    tenantId: tenantId(),
    postingId: uuid('posting_id')
      .notNull()
      .references(() => postings.id),
    day: date('day').notNull(),
    status: text('status').$type<DayStatus>().notNull().default('open'),
    checkInAt: timestamp('check_in_at', { withTimezone: true }),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [unique('attendance_days_posting_day_uq').on(t.postingId, t.day)],
)
