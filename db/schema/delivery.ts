import { sql } from 'drizzle-orm'
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'
import type { Platform } from './people'

/** Durable outbox: rows are written in the effect's transaction and delivered afterwards, once each. */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    /** Delivery order: a chat sees its messages in the order they were written. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    tenantId: tenantId(),
    platform: text('platform').$type<Platform>().notNull(),
    recipient: text('recipient').notNull(),
    message: jsonb('message').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('outbox_idempotency_key_uq').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.sentAt, t.nextAttemptAt),
    // The lease walks the unsent messages in the order they were written and stops at its batch.
    index('outbox_unsent_seq_idx').on(t.seq).where(sql`sent_at is null`),
    // What was sent to one recipient lately: counted against the limits a platform enforces by dropping messages.
    index('outbox_recipient_sent_idx').on(t.platform, t.recipient, t.sentAt),
  ],
)

/**
 * Durable inbox: a verified chat message is stored here before the platform gets its 200, and handled afterwards,
 * so the answer to the platform never waits for the command (Feishu allows 3 s) and nothing acknowledged is lost.
 */
export const inbox = pgTable(
  'inbox',
  {
    id: id(),
    /** Handling order: one sender's messages are handled in the order they arrived. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    platform: text('platform').$type<Platform>().notNull(),
    /** The tenant the message was addressed to (not a reference: a workspace nobody has set up is answered too). */
    tenantId: text('tenant_id').notNull(),
    /** The platform's id of the message; a redelivery to the same tenant finds its row and adds nothing. */
    eventId: text('event_id').notNull(),
    /** Tenant and account of the sender: one sender's messages are handled one after another, in order. */
    sender: text('sender').notNull(),
    message: jsonb('message').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    lastError: text('last_error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('inbox_tenant_platform_event_uq').on(t.tenantId, t.platform, t.eventId),
    index('inbox_due_idx').on(t.handledAt, t.nextAttemptAt),
    index('inbox_sender_idx').on(t.platform, t.sender, t.seq),
    // The lease walks the unhandled messages in arrival order and stops at its batch; the young ones it takes first.
    index('inbox_unhandled_seq_idx').on(t.seq).where(sql`handled_at is null`),
    index('inbox_unhandled_received_idx').on(t.receivedAt).where(sql`handled_at is null`),
  ],
)

/**
 * Platforms retry webhooks: a row here claims an event in the same transaction as its effect,
 * and keeps the reply so a redelivery gets the same answer without a second effect.
 */
export const processedEvents = pgTable(
  'processed_events',
  {
    platform: text('platform').$type<Platform>().notNull(),
    eventId: text('event_id').notNull(),
    tenantId: tenantId(),
    result: jsonb('result'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'processed_events_pk', columns: [t.tenantId, t.platform, t.eventId] })],
)

/** A scheduled job runs once per period (e.g. `attendance-sweep` for `2026-11-23`). */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: id(),
    tenantId: tenantId(),
    job: text('job').notNull(),
    periodKey: text('period_key').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [unique('job_runs_job_period_uq').on(t.tenantId, t.job, t.periodKey)],
)
