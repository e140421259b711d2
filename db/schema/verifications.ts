import { bigserial, date, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'
import { people } from './people'
import { postings } from './postings'

/**
 * open: asked, not yet settled · excused: an approved 补卡/补假/leave covers the day · notCounted: the approver's 不计 ·
 * finding: the approver confirmed it, or the grace period passed (发现 N 次 — only these climb the ladder).
 */
export const VERIFICATION_STATUSES = ['open', 'excused', 'notCounted', 'finding'] as const
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number]

/** 待核实: a duty day with no check-in and nothing approved, waiting for the doctor's word or the receiving org's decision. */
export const unverifiedDays = pgTable(
  'unverified_days',
  {
    id: id(),
    /** The number approvers quote in chat: “核实 7 脱岗”. */
    number: bigserial('number', { mode: 'number' }).notNull(),
    tenantId: tenantId(),
    postingId: uuid('posting_id')
      .notNull()
      .references(() => postings.id),
    day: date('day').notNull(),
    status: text('status').$type<VerificationStatus>().notNull().default('open'),
    /** Who settled it; null when the grace period passing made it a finding. */
    decidedBy: uuid('decided_by').references(() => people.id),
    reason: text('reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [unique('unverified_days_posting_day_uq').on(t.postingId, t.day), index('unverified_days_open_idx').on(t.tenantId, t.status)],
)
