import { sql } from 'drizzle-orm'
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
