import { analyzeInbox, inboxWriter, leaseInbound, markHandled, markInboundFailed, releaseInbound } from '../../db/repositories/inbox'
import { isTransientFailure, safeErrorText } from '../../db/database'
import { fixedClock } from '../domain/clock'
import type { InboundMessage } from '../domain/inbound'
import type { UseCaseDeps } from '../usecases/deps'
import { fetchChatFile, type FileFetchers } from '../usecases/chat-import/fetch-file'
import { answersTogether, handleMessage, handleMessagesTogether } from '../usecases/handle-message'
import { reportUnhandled } from '../usecases/report-unhandled'
import { groupByKey, inLanes, inOrder, retryAt, startWorkerLoop } from './worker-loop'

type LeasedInbound = Awaited<ReturnType<typeof leaseInbound>>[number]

/**
 * Messages leased at once. On a server, where a lease of a deep backlog costs tens of milliseconds and groups of
 * check-ins are handled in a few, more at once; on the embedded engine the replies wait for the end of the batch.
 */
export const INBOX_BATCH: Record<InboxEngine, number> = { server: 200, embedded: 50 }
/** Far longer than a batch takes to handle (well under a second), short enough that a batch caught by a database outage is retried soon after. */
export const INBOX_LEASE_MS = 15_000
export const INBOX_MAX_ATTEMPTS = 12
/** Senders handled at once on a PostgreSQL server; the pool keeps connections for the webhooks' inbox writes. */
export const PARALLEL_SENDERS = 6
/**
 * How long a message waits on the embedded database for the acknowledgements being written before it is handled
 * anyway: a platform resends what it had no 200 for within 3 s, so storing comes first, but handling must move.
 */
const ACK_FIRST_MAX_WAIT_MS = 100
/**
 * On the embedded database, a message is handled after a pause this long in the acknowledgements: in a burst they come
 * one right after another, and each handling transaction would hold every one of them up (at 50/s they are ~20 ms apart).
 */
const ACK_GAP_MS = 5

/**
 * Where the database runs. On a server, senders are handled in parallel, but one at a time while webhooks' inbox
 * writes are in progress: every lane's queries and JavaScript share the process with the acknowledgements. The
 * embedded engine (PGlite) runs one query at a time inside this process: there one sender at a time, each message
 * after the writes in progress are stored, or an acknowledgement's INSERT would wait behind handling transactions.
 */
export type InboxEngine = 'server' | 'embedded'

function acknowledgementsFirst(engine: InboxEngine, writes: ReturnType<typeof inboxWriter>) {
  let turn: Promise<unknown> = Promise.resolve()
  return <T>(work: () => Promise<T>): Promise<T> => {
    if (engine === 'embedded') return writes.quiet(ACK_FIRST_MAX_WAIT_MS, ACK_GAP_MS).then(work)
    if (writes.idle()) return work()
    const mine = turn.then(work)
    turn = mine.catch(() => {})
    return mine
  }
}

/**
 * At most this many senders' check-ins share a transaction (see handleMessagesTogether). On the embedded engine few:
 * every acknowledgement that arrives meanwhile waits for the whole transaction.
 */
export const SENDERS_TOGETHER: Record<InboxEngine, number> = { server: 40, embedded: 4 }
const LANES: Record<InboxEngine, number> = { server: PARALLEL_SENDERS, embedded: 1 }

/**
 * Handles stored chat messages: each sender's in arrival order, senders in parallel. handleMessage claims the event
 * in its own transaction, so a message handled again after a crash changes nothing and queues no second reply.
 * Senders who only check in or out are answered several to a transaction when several wait, and alone if that fails.
 */
export async function handleInbox(deps: UseCaseDeps & { files?: FileFetchers }, engine: InboxEngine = 'server'): Promise<{ leased: number; handled: number; failed: number }> {
  const writes = inboxWriter(deps.db)
  // A burst outgrows the statistics long before autovacuum (or the server's own vacuum) looks again. The embedded
  // engine's backlog stays small, and there an ANALYZE would hold every acknowledgement up.
  if (engine === 'server' && writes.statisticsStale()) await analyzeInbox(deps.db)
  const rows = await leaseInbound(deps.db, deps.clock.now(), INBOX_BATCH[engine], INBOX_LEASE_MS)
  const handled: string[] = []
  let failed = 0
  const ackFirst = acknowledgementsFirst(engine, writes)
  const alone = async (row: LeasedInbound, later: LeasedInbound[]) => {
    try {
      await ackFirst(async () => {
        // A message means what it meant when it arrived: 签到 at 07:59 handled at 08:01 is still on time.
        const message = row.message as InboundMessage
        // A file (an office's roster) is downloaded before the message's transaction, and only for someone who may import it.
        const attachment = await fetchChatFile(deps, message)
        await handleMessage({ db: deps.db, clock: fixedClock(row.receivedAt) }, message, attachment)
      })
      handled.push(row.id)
      return true
    } catch (error) {
      failed++
      // Only what may pass by itself (the database, the network) is tried again: a message that failed for what it
      // says fails the same way twelve times, while its sender's later messages wait behind it for half an hour.
      const transient = isTransientFailure(error)
      const giveUp = !transient || row.attempts >= INBOX_MAX_ATTEMPTS
      const next = retryAt(deps.clock.now(), row.attempts, { giveUp })
      const reason = `${transient ? '' : 'not retried: '}${safeErrorText(error)}`
      console.error(JSON.stringify({ level: 'error', job: 'inbox', eventId: row.eventId, attempts: row.attempts, message: reason }))
      await markInboundFailed(deps.db, row.id, reason, next)
      // A parked message holds nothing back; one that will be retried keeps its sender's later messages behind it.
      if (giveUp) {
        await reportUnhandled(deps, row.message, row.receivedAt, transient).catch((error: Error) =>
          console.error(JSON.stringify({ level: 'error', job: 'inbox', eventId: row.eventId, message: `could not tell the sender: ${safeErrorText(error)}` })),
        )
        return true
      }
      for (const waiting of later) await releaseInbound(deps.db, waiting.id, next)
      return false
    }
  }
  const together = async (queues: LeasedInbound[][]) => {
    const batch = queues.flat()
    try {
      await ackFirst(() => handleMessagesTogether(deps.db, batch.map((row) => ({ message: row.message as InboundMessage, clock: fixedClock(row.receivedAt) }))))
      handled.push(...batch.map((row) => row.id))
    } catch {
      // Nothing of the batch was written; alone, each message gets its refusal or its retry as it always has.
      for (const queue of queues) await inOrder(queue, alone)
    }
  }
  const queues = groupByKey(rows, (row) => row.sender)
  const units = unitsOf(queues, LANES[engine], SENDERS_TOGETHER[engine], together, (queue) => inOrder(queue, alone))
  await inLanes(units, LANES[engine], (unit) => unit())
  await markHandled(deps.db, handled, deps.clock.now())
  return { leased: rows.length, handled: handled.length, failed }
}

/**
 * Senders' queues as work, in the order they came. Those who only check in or out go several to a transaction, as
 * many as spreads them over the lanes, up to `most`; a sender left alone is answered as any other.
 */
function unitsOf(queues: LeasedInbound[][], lanes: number, most: number, together: (queues: LeasedInbound[][]) => Promise<void>, alone: (queue: LeasedInbound[]) => Promise<void>) {
  const groupable = queues.map((queue) => queue.every((row) => answersTogether(row.message as InboundMessage)))
  const size = Math.min(most, Math.ceil(groupable.filter(Boolean).length / lanes))
  const units: (() => Promise<void>)[] = []
  let group: LeasedInbound[][] = []
  const close = (senders: LeasedInbound[][]) => units.push(senders.length === 1 ? () => alone(senders[0]!) : () => together(senders))
  for (const [i, queue] of queues.entries()) {
    if (!groupable[i]) units.push(() => alone(queue))
    else if (group.push(queue) === size) {
      close(group)
      group = []
    }
  }
  if (group.length) close(group)
  return units
}

/** The Node server's inbox worker: kicked by each webhook that stored a message, and on a timer for retries. */
export function startInboxWorker(deps: UseCaseDeps & { files?: FileFetchers }, afterHandled: () => void, options: { intervalMs?: number; engine?: InboxEngine } = {}) {
  return startWorkerLoop(
    'inbox',
    async () => {
      const { leased, handled } = await handleInbox(deps, options.engine)
      if (handled) afterHandled()
      return { more: leased === INBOX_BATCH[options.engine ?? 'server'] }
    },
    options.intervalMs ?? 1_000,
  )
}
