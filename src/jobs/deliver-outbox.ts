import type { Db } from '../../db/client'
import { leaseDue, markFailed, markSent, release, windowWaitMs } from '../../db/repositories/outbox'
import type { Platform } from '../../db/schema'
import type { Clock } from '../domain/clock'
import type { OutboundSender, SendResult } from '../platforms/outbound'
import { inOrderByKey, retryAt, startWorkerLoop } from './worker-loop'

export const OUTBOX_BATCH = 20
/** Longer than a send can take (5 s timeout, one token refresh), so a lease never runs out mid-send. */
export const OUTBOX_LEASE_MS = 30_000
export const OUTBOX_MAX_ATTEMPTS = 12

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
  const totals = { sent: 0, failed: 0 }
  const sent: string[] = []
  await inOrderByKey(rows, (row) => `${row.platform}:${row.recipient}`, OUTBOX_BATCH, async (row, later) => {
    const sender = deps.senders[row.platform]
    const limits = sender?.silentLimits?.(row.recipient)
    const waitMs = limits ? await windowWaitMs(deps.db, row.platform, row.recipient, limits, deps.clock.now()) : 0
    if (waitMs > 0) {
      // Not a failed attempt: the message and the ones after it to this recipient wait until one more fits.
      const until = new Date(deps.clock.now().getTime() + waitMs)
      for (const waiting of [row, ...later]) await release(deps.db, waiting.id, until)
      // Counted with the failures: a message that is due did not go out yet.
      totals.failed++
      return false
    }
    const result: SendResult = sender
      ? await sender.send({ id: row.id, recipient: row.recipient, message: row.message })
      : { ok: false, retryable: false, error: `no sender configured for ${row.platform}` }
    const now = deps.clock.now()
    if (result.ok) {
      // A platform with send windows counts what was marked sent, so its marks cannot wait for the batch's end.
      if (limits) await markSent(deps.db, [row.id], now)
      else sent.push(row.id)
      totals.sent++
      return true
    }
    totals.failed++
    const giveUp = !result.retryable || row.attempts >= OUTBOX_MAX_ATTEMPTS
    const next = retryAt(now, row.attempts, { giveUp, atLeastMs: result.retryAfterMs })
    await markFailed(deps.db, row.id, result.error, next)
    // Later messages to this chat wait for the earlier one, so the chat never reads them out of order.
    if (!giveUp) for (const waiting of later) await release(deps.db, waiting.id, next)
    return false
  })
  // One statement for the batch: a crash before it sends these again once their lease runs out, and the platform
  // shows each once (Feishu's uuid, WeCom's msgid dedupe), as for a crash between a send and its mark.
  await markSent(deps.db, sent, deps.clock.now())
  return totals
}

/**
 * Runs deliveries after each webhook (`kick`) and on a timer, so retries happen and nothing waits for the next
 * message; on start it resumes whatever a previous process left unsent.
 */
export function startOutboxWorker(deps: OutboxDeps, intervalMs = 2_000) {
  return startWorkerLoop(
    'outbox',
    async () => {
      // A full batch, sent or failed, means more may be due; waiting for the timer would slow recovery to a trickle.
      const { sent, failed } = await deliverDue(deps)
      return { more: sent + failed === OUTBOX_BATCH }
    },
    intervalMs,
  )
}
