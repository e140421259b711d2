import { sql } from 'drizzle-orm'
import { rowsOf } from '../db/database'
import { GAVE_UP_AT } from '../db/repositories/outbox'
import { feishuRequest, messageEvent } from '../test/support/feishu'
import { type CheckResult, seededRandom, waitFor } from './check'
import { startBot } from './support/bot'

const NAME = 'outbox-chaos'
const DATABASE = 'duikou_fault_outbox_chaos'
const CHATS = 200
const MESSAGES_PER_CHAT = 10
const IN_FLIGHT = 16
const SEED = 20_240_601
/** The sender's timeout, shortened (FEISHU_REQUEST_TIMEOUT_MS) so a late answer costs 0.3 s, not 5 s. */
const SENDER_TIMEOUT_MS = 300
const LATE_ANSWER_MS = 600
/** Chaos lasts until every reply has met it at least once, or this long after the last reply was queued. */
const CHAOS_AFTER_LOAD_MS = 10_000
const RECOVERY_MS = 25_000
const QUEUEING_MS = 15_000
const CHAT_PREFIX = 'chat_id:oc_p2p_ou_chaos_'
const GAVE_UP = GAVE_UP_AT.toISOString()

interface OutboxRow {
  id: string
  seq: number
  recipient: string
  sent: boolean
  attempts: number
  gaveUp: boolean
}

/**
 * The platform fails 30 % of sends (HTTP 500 or rate-limited) and answers 5 % only after the sender gave up, while
 * 2 000 replies to 200 chats are queued through signed webhooks to the real server. After recovery every outbox row
 * must be sent and shown exactly once (Feishu drops a repeated `uuid`), each chat in the order the rows were written.
 */
export async function check(): Promise<CheckResult> {
  const started = performance.now()
  // Only the demo is seeded: the chaos senders are strangers, so every message has a short reply to send.
  const bot = await startBot(DATABASE, 0, {
    feishu: { chaos: { random: seededRandom(SEED), failRate: 0.3, lateRate: 0.05, lateMs: LATE_ANSWER_MS } },
    env: { FEISHU_REQUEST_TIMEOUT_MS: String(SENDER_TIMEOUT_MS) },
  })
  const { server, database, feishu } = bot
  try {
    let exit = ''
    server.child.once('exit', (code, signal) => (exit = `server exited (${signal ?? code})`))
    const rows = async (): Promise<OutboxRow[]> =>
      rowsOf<OutboxRow>(
        await database.db.execute(sql`
          select id, seq::int as seq, recipient, sent_at is not null as sent, attempts,
                 next_attempt_at >= ${GAVE_UP}::timestamptz as "gaveUp"
          from outbox where platform = 'feishu' order by seq`),
      )

    // Round by round, so each chat's ten messages are spread over the whole load.
    const events = Array.from({ length: CHATS * MESSAGES_PER_CHAT }, (_, k) =>
      messageEvent({ openId: `ou_chaos_${k % CHATS}`, text: Math.floor(k / CHATS) % 2 ? 'help' : '帮助' }),
    )
    const statuses = new Map<number, number>()
    let next = 0
    const sendAll = async () => {
      while (next < events.length) {
        const response = await fetch(`${server.url}/webhooks/feishu/events`, feishuRequest(events[next++]))
        await response.arrayBuffer()
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, sendAll))
    // Webhooks store the message; the reply is queued once the server has handled it.
    const queued = async () => (await rows()).filter((r) => r.recipient.startsWith(CHAT_PREFIX)).length === events.length
    await waitFor(queued, QUEUEING_MS, 250)
    const loadMs = performance.now() - started

    const metChaos = async () => (await rows()).every((r) => r.sent || r.attempts > 0)
    await waitFor(metChaos, CHAOS_AFTER_LOAD_MS, 250)
    const underChaos = await rows()
    const chaosCalls = feishu.calls()

    // Recovery: the platform is healthy again and the operator makes waiting rows due now instead of after their
    // backoff (up to ten minutes). A row leased at that moment is marked when its send ends, so moving it is safe.
    feishu.setChaos(null)
    const recoveryStarted = performance.now()
    await waitFor(async () => {
      await database.db.execute(sql`
        update outbox set next_attempt_at = now()
        where sent_at is null and next_attempt_at > now() and next_attempt_at < ${GAVE_UP}::timestamptz`)
      return (await rows()).every((r) => r.sent || r.gaveUp)
    }, RECOVERY_MS, 500)
    const recoveryMs = performance.now() - recoveryStarted

    const final = await rows()
    const problems: string[] = []
    const webhookErrors = events.length - (statuses.get(200) ?? 0)
    if (webhookErrors) problems.push(`${webhookErrors} webhooks not answered 200 (${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')})`)
    const replies = final.filter((r) => r.recipient.startsWith(CHAT_PREFIX)).length
    if (replies !== events.length) problems.push(`${replies} replies queued for ${events.length} messages`)
    const unsent = final.filter((r) => !r.sent)
    const gaveUp = final.filter((r) => r.gaveUp)
    if (gaveUp.length) problems.push(`${gaveUp.length} rows given up`)
    if (unsent.length) problems.push(`${unsent.length} rows unsent`)

    // Shown once each: one row per message (counted above), every row shown, nothing shown that is no row, and a
    // resend carries the row's id as uuid with the same content, so the platform drops it as Feishu does.
    const shown = new Map(feishu.delivered.map((m) => [m.uuid, JSON.stringify(m.content)]))
    const ids = new Set(final.map((r) => r.id))
    const lost = final.filter((r) => r.sent && !shown.has(r.id)).length
    const strangers = [...shown.keys()].filter((uuid) => !ids.has(uuid)).length
    const changed = feishu.repeated.filter((m) => shown.get(m.uuid) !== JSON.stringify(m.content)).length
    if (lost) problems.push(`${lost} rows marked sent but never shown`)
    if (strangers) problems.push(`${strangers} messages shown that are no outbox row`)
    if (changed) problems.push(`${changed} resends carried different content`)

    const recipientKey = (r: string) => (r.includes(':') ? r : `open_id:${r}`)
    const writtenOrder = new Map<string, string[]>()
    for (const r of final) writtenOrder.set(recipientKey(r.recipient), [...(writtenOrder.get(recipientKey(r.recipient)) ?? []), r.id])
    const shownOrder = new Map<string, string[]>()
    for (const m of feishu.delivered) {
      const key = `${m.receiveIdType}:${m.receiveId}`
      shownOrder.set(key, [...(shownOrder.get(key) ?? []), m.uuid])
    }
    const outOfOrder = [...writtenOrder].filter(([key, order]) => (shownOrder.get(key) ?? []).join() !== order.join()).length
    if (outOfOrder) problems.push(`${outOfOrder} chats shown out of order or incompletely`)
    if (server.exited()) problems.push(exit || 'server exited')
    if (process.env.FAULTS_DEBUG) {
      for (const [key, order] of writtenOrder) if ((shownOrder.get(key) ?? []).join() !== order.join()) console.log(key, 'written', order, 'shown', shownOrder.get(key))
      console.log(server.output().slice(-3000))
    }

    const faced = underChaos.filter((r) => r.sent || r.attempts > 0).length
    const detail =
      `${final.length} rows (${replies} replies to ${CHATS} chats) queued in ${(loadMs / 1000).toFixed(1)} s; ` +
      `chaos met ${faced}/${underChaos.length} rows, ${chaosCalls} sends: ${feishu.chaosCounts.failed} failed, ${feishu.chaosCounts.late} late; ` +
      `recovered in ${(recoveryMs / 1000).toFixed(1)} s: ${final.length - unsent.length} sent, ${shown.size} shown once, ` +
      `${feishu.repeated.length} repeats dropped by uuid, ${writtenOrder.size - outOfOrder}/${writtenOrder.size} chats in order, ${gaveUp.length} given up` +
      (problems.length ? ` — ${problems.join('; ')}` : '')
    return { name: NAME, ok: problems.length === 0, detail }
  } catch (error) {
    return { name: NAME, ok: false, detail: `${(error as Error).message.split('\n')[0]} | server: ${server.output().slice(-300)}` }
  } finally {
    await bot.stop()
  }
}
