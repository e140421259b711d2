import { bigint, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'
import { people } from './people'
import { postings } from './postings'

export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'returned'] as const
export type LeaveStatus = (typeof LEAVE_STATUSES)[number]
/** 请假 covers days ahead; 补卡 asks to count one past day the doctor worked without checking in. */
export const LEAVE_KINDS = ['leave', 'punchCorrection'] as const
export type LeaveKind = (typeof LEAVE_KINDS)[number]

/** A request an approver at the receiving org decides: leave (请假) or a punch correction (补卡). */
export const leaveRequests = pgTable(
  'leave_requests',
  {
    id: id(),
    /**
     * The number people quote in chat: “批准 12”. Counted per tenant (createLeave), so one tenant's numbers say
     * nothing about another's volume; numbers given out before were unique over all tenants and still are.
     */
    number: bigint('number', { mode: 'number' }).notNull(),
    tenantId: tenantId(),
    kind: text('kind').$type<LeaveKind>().notNull().default('leave'),
    postingId: uuid('posting_id')
      .notNull()
      .references(() => postings.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<LeaveStatus>().notNull().default('pending'),
    approverPersonId: uuid('approver_person_id').references(() => people.id),
    decisionComment: text('decision_comment'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    returnedOn: date('returned_on'),
    createdAt: createdAt(),
  },
  (t) => [index('leave_requests_posting_idx').on(t.postingId, t.startsOn), unique('leave_requests_tenant_number_uq').on(t.tenantId, t.number)],
)

export const ABSENCE_STATUSES = ['unexcused', 'withdrawn'] as const
export type AbsenceStatus = (typeof ABSENCE_STATUSES)[number]

/** 无正当理由脱岗: a workday with no check-in and no approved leave, once its cut-off has passed. */
export const absences = pgTable(
  'absences',
  {
    id: id(),
    tenantId: tenantId(),
    postingId: uuid('posting_id')
      .notNull()
      .references(() => postings.id),
    day: date('day').notNull(),
    status: text('status').$type<AbsenceStatus>().notNull().default('unexcused'),
    createdAt: createdAt(),
  },
  (t) => [unique('absences_posting_day_uq').on(t.postingId, t.day)],
)

/** The step of the policy's escalation ladder an absence triggered, and who was told; one per absence. */
export const escalations = pgTable(
  'escalations',
  {
    id: id(),
    tenantId: tenantId(),
    postingId: uuid('posting_id')
      .notNull()
      .references(() => postings.id),
    absenceId: uuid('absence_id')
      .notNull()
      .references(() => absences.id),
    step: integer('step').notNull(),
    actions: text('actions').array().notNull(),
    notifiedPersonIds: uuid('notified_person_ids').array().notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [unique('escalations_absence_uq').on(t.absenceId)],
)
