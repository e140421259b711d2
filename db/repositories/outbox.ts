import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, notExists, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../client'
import { outbox, type Platform } from '../schema'
import { youngThenRest } from '../young-first'

export interface OutboxMessage {
  tenantId: string
  platform: Platform
  recipient: string
  message: unknown
  idempotencyKey: string
}

/** Queues a message in the caller's transaction, due at `at`; the same idempotency key is queued once. */
export async function enqueue(db: Db, message: OutboxMessage, at: Date): Promise<void> {
  await enqueueAll(db, [message], at)
}

/** Queues messages in this order, in one statement. */
export async function enqueueAll(db: Db, messages: OutboxMessage[], at: Date): Promise<void> {
  if (messages.length) await db.execute(outboxInsert(messages, at))
}

/**
 * The INSERT that queues `messages` in this order (their seq), due at `at`, each idempotency key once: for enqueue, and
 * for storeEventResult, which runs it in the same statement as the event's result. Written as SQL: it is on every
 * reply's path, and the query builder costs more CPU than the statement (attendance.ts).
 */
export function outboxInsert(messages: OutboxMessage[], at: Date): SQL {
  return outboxInsertValues(outboxValues(messages, at))
}

/** The rows outboxInsertValues queues: `messages` due at `at`. */
export function outboxValues(messages: OutboxMessage[], at: Date): SQL[] {
  const when = at.toISOString()
  return messages.map((m) => sql`(${m.tenantId}, ${m.platform}, ${m.recipient}, ${JSON.stringify(m.message)}::jsonb, ${m.idempotencyKey}, ${when}::timestamptz, ${when}::timestamptz)`)
}

export function outboxInsertValues(rows: SQL[]): SQL {
  return sql`
    insert into outbox (tenant_id, platform, recipient, message, idempotency_key, next_attempt_at, created_at)
    values ${sql.join(rows, sql`, `)}
    on conflict (idempotency_key) do nothing`
}

/** Where a message that will never go out is parked (the workers' give-up date): it holds no later message back. */
export const GAVE_UP_AT = new Date('9999-12-31T00:00:00Z')

/**
 * After a backlog, a reply queued this recently goes first, the newest first: the backlog's senders had their 200 long
 * ago, while a doctor who writes now is answered at once instead of after all of them.
 */
export const FRESH_REPLY_MS = 5_000

/**
 * Leases up to `limit` due messages (the console's wait in its inbox instead): their next attempt moves `leaseMs` ahead before anything is sent, so another
 * sender (or this one after a crash) only retries them once the lease runs out. First those queued in the last
 * FRESH_REPLY_MS to a recipient with nothing older unsent, newest first, then the rest in the order written. A
 * message waits while an earlier one to its recipient waits for a retry (or is leased), so a chat never reads them
 * out of order.
 */
export async function leaseDue(db: Db, now: Date, limit: number, leaseMs: number) {
  const lease = youngThenRest(db, outbox.id, limit, {
    young: dueIds(db, now, limit, new Date(now.getTime() - FRESH_REPLY_MS)),
    rest: (notYoung) => dueIds(db, now, limit, null, notYoung),
  })
  const leased = await db
    .with(...lease.ctes)
    .update(outbox)
    .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, lease.chosenIds))
    .returning()
  // UPDATE … RETURNING keeps no order; delivery order is the order of writing.
  return leased.sort((a, b) => a.seq - b.seq)
}

/**
 * Up to `limit` due messages in the order written, locked (skipping those another sender holds); with `freshSince`,
 * only those queued since then to a recipient with no earlier message unsent (unless given up), newest first.
 */
function dueIds(db: Db, now: Date, limit: number, freshSince: Date | null, except?: SQL) {
  const earlier = alias(outbox, 'earlier')
  const holdsBack = freshSince ? lt(earlier.nextAttemptAt, GAVE_UP_AT) : and(gt(earlier.nextAttemptAt, now), lt(earlier.nextAttemptAt, GAVE_UP_AT))
  const earlierHoldsBack = db
    .select({ id: earlier.id })
    .from(earlier)
    .where(and(eq(earlier.platform, outbox.platform), eq(earlier.recipient, outbox.recipient), lt(earlier.seq, outbox.seq), isNull(earlier.sentAt), holdsBack))
  return db
    .select({ id: outbox.id, seq: outbox.seq })
    .from(outbox)
    .where(
      and(
        isNull(outbox.sentAt),
        lte(outbox.nextAttemptAt, now),
        // A reply is due from when it was queued: the range walks the due index, and the creation keeps a retry out.
        freshSince ? and(gte(outbox.nextAttemptAt, freshSince), gte(outbox.createdAt, freshSince)) : undefined,
        ne(outbox.platform, 'console'),
        notExists(earlierHoldsBack),
        except,
      ),
    )
    // The young by due time, so the scan walks the due index from now and stops with the window.
    .orderBy(...(freshSince ? [desc(outbox.nextAttemptAt), desc(outbox.seq)] : [asc(outbox.seq)]))
    .limit(limit)
    .for('update', { skipLocked: true })
}

export async function markSent(db: Db, ids: string[], at: Date): Promise<void> {
  if (ids.length) await db.update(outbox).set({ sentAt: at, lastError: null }).where(inArray(outbox.id, ids))
}

/**
 * How long until one more message to `recipient` fits every window, counting the messages sent to it by any process
 * (0: it fits now). A window that is full frees a place when its oldest message leaves it.
 */
export async function windowWaitMs(db: Db, platform: Platform, recipient: string, windows: { ms: number; max: number }[], now: Date): Promise<number> {
  let waitMs = 0
  for (const window of windows) {
    const since = new Date(now.getTime() - window.ms)
    const [row] = await db
      .select({ sent: sql<number>`count(*)::int`, oldestMs: sql<number | null>`(extract(epoch from min(${outbox.sentAt})) * 1000)::float8` })
      .from(outbox)
      .where(and(eq(outbox.platform, platform), eq(outbox.recipient, recipient), gt(outbox.sentAt, since)))
    if (row && Number(row.sent) >= window.max && row.oldestMs !== null) waitMs = Math.max(waitMs, Math.ceil(Number(row.oldestMs) + window.ms - now.getTime()))
  }
  return waitMs
}

/** Puts a leased message back without counting it as failed (an earlier message to its chat failed first). */
export async function release(db: Db, id: string, retryAt: Date): Promise<void> {
  await db.update(outbox).set({ nextAttemptAt: retryAt, attempts: sql`${outbox.attempts} - 1` }).where(eq(outbox.id, id))
}

export async function markFailed(db: Db, id: string, error: string, retryAt: Date): Promise<void> {
  await db.update(outbox).set({ lastError: error.slice(0, 500), nextAttemptAt: retryAt }).where(eq(outbox.id, id))
}

/** The console has no push channel: its notices wait in the outbox until the person's console asks for them. */
export async function takeConsoleNotices(db: Db, recipient: string, at: Date) {
  const rows = await db
    .update(outbox)
    .set({ sentAt: at })
    .where(and(eq(outbox.platform, 'console'), eq(outbox.recipient, recipient), isNull(outbox.sentAt)))
    .returning({ seq: outbox.seq, message: outbox.message })
  return rows.sort((a, b) => a.seq - b.seq).map((r) => r.message)
}
