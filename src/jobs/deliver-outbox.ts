import type { Db } from '../../db/client'
import { leaseDue, markFailed, markSent, release } from '../../db/repositories/outbox'
import type { Platform } from '../../db/schema'
import type { Clock } from '../domain/clock'
import type { OutboundSender } from '../platforms/outbound'

export const OUTBOX_BATCH = 20
/** Longer than a send can take (5 s timeout, one token refresh), so a lease never runs out mid-send. */
export const OUTBOX_LEASE_MS = 30_000
export const OUTBOX_MAX_ATTEMPTS = 12
const BACKOFF_BASE_MS = 1_000
const BACKOFF_MAX_MS = 10 * 60_000
/** Where a row that will never go out is parked, with its last error, for an operator to read. */
const GAVE_UP_AT = new Date('9999-12-31T00:00:00Z')

export interface OutboxDeps {
  db: Db
  clock: Clock
  senders: Partial<Record<Platform, OutboundSender>>
}

/**
 * Sends what is due, once each: rows are leased, sent, then marked; a failure waits with exponential backoff.
 * Each recipient's messages go one after another in the order they were written; recipients go in parallel.
 */
export async function deliverDue(deps: OutboxDeps): Promise<{ sent: number; failed: number }> {
  const rows = await leaseDue(deps.db, deps.clock.now(), OUTBOX_BATCH, OUTBOX_LEASE_MS)
  const byRecipient = new Map<string, typeof rows>()
  for (const row of rows) {
    const key = `${row.platform}:${row.recipient}`
    byRecipient.set(key, [...(byRecipient.get(key) ?? []), row])
  }
  const totals = { sent: 0, failed: 0 }
  await Promise.all([...byRecipient.values()].map((queue) => deliverInOrder(deps, queue, totals)))
  return totals
}

type Leased = Awaited<ReturnType<typeof leaseDue>>[number]

async function deliverInOrder(deps: OutboxDeps, queue: Leased[], totals: { sent: number; failed: number }) {
  for (const [index, row] of queue.entries()) {
    const sender = deps.senders[row.platform]
    const result = sender
      ? await sender.send({ id: row.id, recipient: row.recipient, message: row.message })
      : ({ ok: false, retryable: false, error: `no sender configured for ${row.platform}` } as const)
    const now = deps.clock.now()
    if (result.ok) {
      await markSent(deps.db, row.id, now)
      totals.sent++
      continue
    }
    totals.failed++
    const giveUp = !result.retryable || row.attempts >= OUTBOX_MAX_ATTEMPTS
    const backoff = Math.min(BACKOFF_BASE_MS * 2 ** (row.attempts - 1), BACKOFF_MAX_MS)
    const retryAt = giveUp ? GAVE_UP_AT : new Date(now.getTime() + Math.max(backoff, result.retryAfterMs ?? 0))
    await markFailed(deps.db, row.id, result.error, retryAt)
    // Later messages to this chat wait for the earlier one, so the chat never reads them out of order.
    if (!giveUp) for (const later of queue.slice(index + 1)) await release(deps.db, later.id, retryAt)
    return
  }
}

/**
 * Runs deliveries after each webhook (`kick`) and on a timer, so retries happen and nothing waits for the next
 * message; on start it resumes whatever a previous process left unsent.
 */
export function startOutboxWorker(deps: OutboxDeps, intervalMs = 2_000) {
  let running: Promise<void> | null = null
  let again = false
  const run = () => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        try {
          const { sent } = await deliverDue(deps)
          if (sent === OUTBOX_BATCH) again = true
        } catch (error) {
          console.error(JSON.stringify({ level: 'error', job: 'outbox', message: (error as Error).message }))
        }
      } while (again)
    })().finally(() => {
      running = null
    })
    return running
  }
  const timer = setInterval(run, intervalMs)
  timer.unref()
  void run()
  return {
    kick: () => void run(),
    /** Waits for the delivery in progress; for shutdown and tests. */
    idle: async () => {
      while (running) await running
    },
    stop: () => clearInterval(timer),
  }
}
