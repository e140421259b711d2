import { and, asc, gte, inArray, isNull, sql } from 'drizzle-orm'
import { type Db, rowsOf } from '../database'
import { inbox, outbox } from '../schema'
import { GAVE_UP_AT } from './outbox'

export interface Backlog {
  /** Not done yet and still to be tried. */
  waiting: number
  /** How long the oldest of those has been waiting: a number that keeps growing means a worker is not running. */
  oldestWaitingSeconds: number | null
  /** Given up on after the last attempt; each keeps its error in last_error for an operator. */
  parked: number
}

/**
 * What the inbox and outbox hold undone, for monitoring. Console notices are left out: they wait in the outbox by
 * design until the person's console asks for them.
 */
export async function queueBacklog(db: Db, now: Date): Promise<{ inbox: Backlog; outbox: Backlog }> {
  const parkedFrom = sql`${GAVE_UP_AT.toISOString()}::timestamptz`
  const [row] = rowsOf<Record<string, number | null>>(
    await db.execute(sql`
      select
        (select count(*)::int from ${inbox} where ${inbox.handledAt} is null and ${inbox.nextAttemptAt} < ${parkedFrom}) as inbox_waiting,
        (select extract(epoch from min(${inbox.receivedAt}))::float8 from ${inbox} where ${inbox.handledAt} is null and ${inbox.nextAttemptAt} < ${parkedFrom}) as inbox_oldest,
        (select count(*)::int from ${inbox} where ${inbox.handledAt} is null and ${inbox.nextAttemptAt} >= ${parkedFrom}) as inbox_parked,
        (select count(*)::int from ${outbox} where ${outbox.sentAt} is null and ${outbox.platform} <> 'console' and ${outbox.nextAttemptAt} < ${parkedFrom}) as outbox_waiting,
        (select extract(epoch from min(${outbox.createdAt}))::float8 from ${outbox} where ${outbox.sentAt} is null and ${outbox.platform} <> 'console' and ${outbox.nextAttemptAt} < ${parkedFrom}) as outbox_oldest,
        (select count(*)::int from ${outbox} where ${outbox.sentAt} is null and ${outbox.platform} <> 'console' and ${outbox.nextAttemptAt} >= ${parkedFrom}) as outbox_parked
    `),
  )
  const age = (epochSeconds: number | null | undefined) => (epochSeconds == null ? null : Math.max(0, Math.round(now.getTime() / 1000 - epochSeconds)))
  return {
    inbox: { waiting: Number(row!.inbox_waiting), oldestWaitingSeconds: age(row!.inbox_oldest), parked: Number(row!.inbox_parked) },
    outbox: { waiting: Number(row!.outbox_waiting), oldestWaitingSeconds: age(row!.outbox_oldest), parked: Number(row!.outbox_parked) },
  }
}

export type QueueName = 'inbox' | 'outbox'

export interface ParkedMessage {
  queue: QueueName
  id: string
  platform: string
  /** The sender (inbox) or the recipient (outbox). */
  party: string
  attempts: number
  lastError: string | null
  at: Date
}

/** Messages given up on, oldest first, with the error of their last attempt. */
export async function parkedMessages(db: Db, limit = 100): Promise<ParkedMessage[]> {
  // One after the other: `db` may be a transaction, which runs one query at a time.
  const inboxRows = await db
    .select({ id: inbox.id, platform: inbox.platform, party: inbox.sender, attempts: inbox.attempts, lastError: inbox.lastError, at: inbox.receivedAt })
    .from(inbox)
    .where(and(isNull(inbox.handledAt), gte(inbox.nextAttemptAt, GAVE_UP_AT)))
    .orderBy(asc(inbox.seq))
    .limit(limit)
  const outboxRows = await db
    .select({ id: outbox.id, platform: outbox.platform, party: outbox.recipient, attempts: outbox.attempts, lastError: outbox.lastError, at: outbox.createdAt })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), gte(outbox.nextAttemptAt, GAVE_UP_AT)))
    .orderBy(asc(outbox.seq))
    .limit(limit)
  return [...inboxRows.map((r) => ({ queue: 'inbox' as const, ...r })), ...outboxRows.map((r) => ({ queue: 'outbox' as const, ...r }))]
}

/**
 * Gives parked messages a fresh set of attempts from `now` (all of a queue's, or those with the given ids), after an
 * operator fixed their cause (a member added to the app's visible range, a bug deployed away). Returns how many.
 */
export async function requeueParked(db: Db, queue: QueueName, now: Date, ids?: string[]): Promise<number> {
  const table = queue === 'inbox' ? inbox : outbox
  const undone = queue === 'inbox' ? isNull(inbox.handledAt) : isNull(outbox.sentAt)
  const rows = await db
    .update(table)
    .set({ nextAttemptAt: now, attempts: 0 })
    .where(and(undone, gte(table.nextAttemptAt, GAVE_UP_AT), ids ? inArray(table.id, ids) : undefined))
    .returning({ id: table.id })
  return rows.length
}
