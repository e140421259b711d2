import { date, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'
import { people } from './people'

/** One row per state change: who did what to which entity, with the before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    tenantId: tenantId(),
    actorPersonId: uuid('actor_person_id').references(() => people.id),
    /** Who acted when no person did: the admin API (whoever holds ADMIN_TOKEN) or the CLI (its OS user and host). */
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_tenant_at_idx').on(t.tenantId, t.at)],
)

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number]

/**
 * Statutory holidays and 调休 workdays entered by an admin from the State Council's notice, for years the
 * holiday library does not cover yet; an entry here overrides the library.
 */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    id: id(),
    tenantId: tenantId(),
    day: date('day').notNull(),
    kind: text('kind').$type<CalendarDayKind>().notNull(),
    name: text('name').notNull(),
    enteredBy: uuid('entered_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [unique('calendar_overrides_day_uq').on(t.tenantId, t.day)],
)
