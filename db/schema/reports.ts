import { jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'
import { orgs } from './orgs'
import { people } from './people'

/** 项目开展情况月报: one per receiving org and month (`YYYY-MM`), editable until its deadline. */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: id(),
    tenantId: tenantId(),
    receivingOrgId: uuid('receiving_org_id')
      .notNull()
      .references(() => orgs.id),
    month: text('month').notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    submittedBy: uuid('submitted_by').references(() => people.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [unique('monthly_reports_org_month_uq').on(t.tenantId, t.receivingOrgId, t.month)],
)
