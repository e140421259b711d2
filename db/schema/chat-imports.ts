import { index, jsonb, pgTable, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'
import { people, type Platform } from './people'

/**
 * A file an office sent the bot in chat, and the dry run it was answered with. `确认导入 N` applies it (N is
 * `number`) only while the same file still plans exactly `plan`, before `expiresAt`, and only once (`appliedAt`).
 */
export const chatImports = pgTable(
  'chat_imports',
  {
    id: id(),
    number: serial('number').notNull(),
    tenantId: tenantId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    platform: text('platform').$type<Platform>().notNull(),
    /** The chat message that carried the file (or the 导入 follow-up that re-read it): a redelivery finds this row. */
    eventId: text('event_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    fileBase64: text('file_base64').notNull(),
    plan: jsonb('plan').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [unique('chat_imports_event_uq').on(t.tenantId, t.platform, t.eventId), unique('chat_imports_number_uq').on(t.number), index('chat_imports_person_idx').on(t.tenantId, t.personId, t.createdAt)],
)
