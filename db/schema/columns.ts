import { text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { tenants } from './tenants'

/** Every row belongs to one tenant (a province, city or county deployment) from day one. */
export const tenantId = () =>
  text('tenant_id')
    .notNull()
    .references(() => tenants.id)

export const id = () => uuid('id').primaryKey().defaultRandom()

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
