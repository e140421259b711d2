import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, isNull, lt, lte, notExists, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../client'
import { errorCode } from '../database'
import { coalesce } from '../coalesce'
import { inbox, type Platform } from '../schema'
import { youngThenRest } from '../young-first'
import { GAVE_UP_AT } from './outbox'

export interface InboundRow {
  tenantId: string
  platform: Platform
  eventId: string
  sender: string
  message: unknown
  receivedAt: Date
}

const DEADLOCK_DETECTED = '40P01'
const DEADLOCK_ATTEMPTS = 3

/**
 * Stores messages in one statement, in the order given (their handling order); a message already stored (a
 * platform's redelivery) is skipped. Columns go as arrays, so the statement's text is the same for any batch: it is
 * prepared once per connection, and building it costs nothing per row (the query builder's row-by-row mapping was a
 * sixth of the server's CPU at 5 000 webhooks a second).
 */
export async function storeInbound(db: Db, rows: InboundRow[]): Promise<void> {
  if (rows.length === 0) return
  const column = <T>(pick: (row: InboundRow) => T) => sql.param(rows.map(pick))
  const insert = sql`
    insert into inbox (tenant_id, platform, event_id, sender, message, received_at, next_attempt_at)
    select tenant_id, platform, event_id, sender, message::jsonb, received_at, received_at
    from unnest(${column((r) => r.tenantId)}::text[], ${column((r) => r.platform)}::text[], ${column((r) => r.eventId)}::text[],
                ${column((r) => r.sender)}::text[], ${column((r) => JSON.stringify(r.message))}::text[], ${column((r) => r.receivedAt.toISOString())}::timestamptz[])
      with ordinality as row(tenant_id, platform, event_id, sender, message, received_at, n)
    order by n
    on conflict (tenant_id, platform, event_id) do nothing`
  for (let attempt = 1; ; attempt++) {
    try {
      await db.execute(insert)
      return
    } catch (error) {
      // Two batches holding copies of the same redelivered events in different orders can deadlock; PostgreSQL
      // aborts one, and run again it finds the other's rows committed. (Sorting by key would avoid it, but the
      // insert order is each sender's handling order.)
      if (attempt >= DEADLOCK_ATTEMPTS || errorCode(error) !== DEADLOCK_DETECTED) throw error
    }
  }
}

/**
 * After a burst, a message this young goes before the backlog, the newest first: the burst's senders have their 200
 * and their check-in time, while a doctor who writes just after it is answered at once instead of behind all of them
 * (the burst's own last seconds are young too).
 */
export const FRESH_MS = 5_000

/**
 * Leases up to `limit` unhandled messages, so another worker (or this one after a crash) waits `leaseMs`: first
 * those received in the last FRESH_MS from senders with nothing older unhandled, newest first, then the rest in
 * arrival order. A message waits while an earlier one from its sender waits for a retry (or is leased): a sender's
 * messages are handled in the order they were sent.
 */
export async function leaseInbound(db: Db, now: Date, limit: number, leaseMs: number) {
  // One statement for both passes: on the embedded engine each statement costs about a millisecond, and at low load
  // the second pass used to run on every lease to find nothing.
  const lease = youngThenRest(db, inbox.id, limit, {
    young: dueIds(db, now, limit, new Date(now.getTime() - FRESH_MS)),
    rest: (notYoung) => dueIds(db, now, limit, null, notYoung),
  })
  const leased = await db
    .with(...lease.ctes)
    .update(inbox)
    .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${inbox.attempts} + 1` })
    .where(inArray(inbox.id, lease.chosenIds))
    .returning({ ...getTableColumns(inbox), young: lease.isYoung })
  // UPDATE … RETURNING keeps no order: the young first, each part in arrival order.
  return leased.sort((a, b) => Number(b.young) - Number(a.young) || a.seq - b.seq).map(({ young: _, ...row }) => row)
}

/**
 * Up to `limit` due messages in arrival order, locked (skipping those another worker holds); with `freshSince`, only
 * those received since then from a sender with nothing earlier unhandled, newest first.
 */
function dueIds(db: Db, now: Date, limit: number, freshSince: Date | null, except?: SQL) {
  const earlier = alias(inbox, 'earlier')
  const waiting = and(gt(earlier.nextAttemptAt, now), lt(earlier.nextAttemptAt, GAVE_UP_AT))
  const earlierHoldsBack = db
    .select({ id: earlier.id })
    .from(earlier)
    .where(
      and(
        eq(earlier.platform, inbox.platform),
        eq(earlier.sender, inbox.sender),
        lt(earlier.seq, inbox.seq),
        isNull(earlier.handledAt),
        // Newest first may cut a sender's young messages anywhere: only one with nothing earlier unhandled may go.
        freshSince ? lt(earlier.nextAttemptAt, GAVE_UP_AT) : waiting,
      ),
    )
  return db
    .select({ id: inbox.id, seq: inbox.seq })
    .from(inbox)
    .where(and(isNull(inbox.handledAt), lte(inbox.nextAttemptAt, now), freshSince ? gte(inbox.receivedAt, freshSince) : undefined, notExists(earlierHoldsBack), except))
    // The young newest first by arrival time, so the scan walks the arrival index from now and stops with the window;
    // by seq it walked the whole backlog on every lease once nothing was young.
    .orderBy(...(freshSince ? [desc(inbox.receivedAt), desc(inbox.seq)] : [asc(inbox.seq)]))
    .limit(limit)
    .for('update', { skipLocked: true })
}

export async function markHandled(db: Db, ids: string[], at: Date): Promise<void> {
  if (ids.length) await db.update(inbox).set({ handledAt: at, lastError: null }).where(inArray(inbox.id, ids))
}

export async function markInboundFailed(db: Db, id: string, error: string, retryAt: Date): Promise<void> {
  await db.update(inbox).set({ lastError: error.slice(0, 500), nextAttemptAt: retryAt }).where(eq(inbox.id, id))
}

/**
 * Keeps a verified event that could not be read, parked at once with why (`npm run cli -- queues` lists it): the
 * platform has its 200 and will not send it again, so this row is all that is left of it.
 */
export async function parkUnreadable(db: Db, row: InboundRow & { reason: string }): Promise<void> {
  const { reason, ...values } = row
  await db
    .insert(inbox)
    .values({ ...values, nextAttemptAt: GAVE_UP_AT, lastError: reason.slice(0, 500) })
    .onConflictDoNothing({ target: [inbox.tenantId, inbox.platform, inbox.eventId] })
}

/** Puts a leased message back uncounted: an earlier message from the same sender failed and must go first. */
export async function releaseInbound(db: Db, id: string, retryAt: Date): Promise<void> {
  await db.update(inbox).set({ nextAttemptAt: retryAt, attempts: sql`${inbox.attempts} - 1` }).where(eq(inbox.id, id))
}

const writers = new WeakMap<Db, ReturnType<typeof newInboxWriter>>()

/**
 * The process's one writer per database: concurrent webhooks (and the Feishu long connection) share a statement and
 * a commit (db/coalesce.ts), and the inbox worker can wait until no acknowledgement waits for it (`quiet`).
 */
export function inboxWriter(db: Db) {
  let writer = writers.get(db)
  if (!writer) writers.set(db, (writer = newInboxWriter(db)))
  return writer
}

/**
 * Stored since the inbox's statistics were last refreshed, past which the lease's plan is planned from a table that
 * no longer exists: with the statistics of an empty inbox, PostgreSQL sorted every waiting row on every lease
 * (auto_explain: 150–200 ms a lease with 30 000 waiting, against under 1 ms walking the arrival index).
 */
export const ANALYZE_INBOX_AFTER = 5_000

function newInboxWriter(db: Db) {
  let storedSinceAnalyze = 0
  const write = coalesce<InboundRow>(
    async (rows) => {
      await storeInbound(db, rows)
      storedSinceAnalyze += rows.length
    },
    { maxBatch: 200, inFlight: 2 },
  )
  return Object.assign(write, {
    /** Whether ANALYZE_INBOX_AFTER rows were stored since the last call that answered yes. */
    statisticsStale() {
      if (storedSinceAnalyze < ANALYZE_INBOX_AFTER) return false
      storedSinceAnalyze = 0
      return true
    },
  })
}

/** Refreshes the statistics of the columns the lease is planned from (the messages' JSON would take most of the time). */
export async function analyzeInbox(db: Db): Promise<void> {
  await db.execute(sql`analyze inbox (handled_at, next_attempt_at, received_at, seq, platform, sender)`)
}
