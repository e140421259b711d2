import { jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'
import type { Platform } from './people'

/**
 * A dialogue in progress with one chat account (e.g. the 资格 questions). Keyed by the platform account, not by a
 * person, because applicants ask before anyone has registered them.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    tenantId: tenantId(),
    platform: text('platform').$type<Platform>().notNull(),
    externalId: text('external_id').notNull(),
    kind: text('kind').notNull(),
    state: jsonb('state').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('conversations_account_uq').on(t.tenantId, t.platform, t.externalId)],
)
