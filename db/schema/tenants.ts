import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
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
