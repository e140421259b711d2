import { doublePrecision, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** This deployment's rule, not a policy's: workdays after a 待核实 day before it becomes a finding. */
  graceWorkdays: integer('grace_workdays').notNull().default(3),
  /** This deployment's reading of "半天": hours between 签到 and 签退 for a day to count on half-day patterns. */
  halfDayHours: doublePrecision('half_day_hours').notNull().default(4),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Which tenant a platform workspace belongs to: a Feishu tenant_key or a WeCom corp id. */
export const tenantAccounts = pgTable(
  'tenant_accounts',
  {
    platform: text('platform').notNull(),
    externalKey: text('external_key').notNull(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'tenant_accounts_pk', columns: [t.platform, t.externalKey] })],
)
