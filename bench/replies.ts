import type { SentMessage } from '../test/support/feishu'
import { messageEvent } from '../test/support/feishu'
import { feishuOpenLoop, quantile } from './load'
import { benchOpenId } from './support/doctors'
import { signedFeishuEvent } from './webhook'

/** Feishu waits 3 s for the acknowledgement, then sends the event again 15 s later (then 5 min, 1 h, 6 h: past any phase). */
export const FEISHU_DEADLINE_MS = 3000
const RETRY_DELAYS_MS = [15_000]
/** How long after a phase's last request its replies may still come before they count as missing. */
const REPLY_WAIT_MS = 30_000

/** Every message the fake Feishu showed, by chat: when the first came and how many did. */
export function replyWatch() {
  const first = new Map<string, number>()
  const count = new Map<string, number>()
  let total = 0
  return {
    onDelivered: (m: SentMessage) => {
      // Replies go to the chat a message came from; notices (a job's nudges) go to people by open_id.
      if (!m.receiveId.startsWith('oc_p2p_')) return
      total++
      if (!first.has(m.receiveId)) first.set(m.receiveId, performance.now())
      count.set(m.receiveId, (count.get(m.receiveId) ?? 0) + 1)
    },
    firstAt: (chat: string) => first.get(chat),
    countOf: (chat: string) => count.get(chat) ?? 0,
    /** Messages shown so far in doctors' chats. */
    total: () => total,
  }
}
export type ReplyWatch = ReturnType<typeof replyWatch>

export interface ReplyPhase {
  label: string
  rate: number
  seconds: number
  sent: number
  /** Requests that got a 2xx, from any of their copies. Ack latencies count one that got none as infinite. */
  acked: number
  ackP50Ms: number
  ackP99Ms: number
  /** From the moment the request was scheduled until the first message reached its chat. */
  replyP50Ms: number
  replyP99Ms: number
  replyMaxMs: number
  /** Requests with no reply `REPLY_WAIT_MS` after the phase. */
  missing: number
  retries: number
  /** Every copy's outcome by HTTP status, 0 for none within Feishu's deadline. */
  statuses: Record<number, number>
  /** Messages to a chat beyond the first: a retry that was acted on twice, or a check-in that sends two. */
  extraReplies: number
}

export const chatOf = (doctor: number) => `oc_p2p_${benchOpenId(doctor)}`

/**
 * Doctors `from`, `from + 1`, … each send 签到 once, `rate` a second for `seconds`, signed like Feishu and retried
 * like Feishu; then waits for every reply. Each doctor writes once, so the reply in her chat answers her request.
 */
export async function replyPhase(
  url: string,
  path: string,
  watch: ReplyWatch,
  input: { label: string; from: number; rate: number; seconds: number },
): Promise<ReplyPhase> {
  const doctors = Array.from({ length: Math.round(input.rate * input.seconds) }, (_, k) => input.from + k)
  const chats = doctors.map(chatOf)
  const before = chats.map((c) => watch.countOf(c))
  if (before.some((n) => n > 0)) throw new Error(`${input.label}: doctors ${input.from}… already had replies; the phases' doctor ranges overlap`)
  const requests = doctors.map((d) => signedFeishuEvent(path, messageEvent({ openId: benchOpenId(d), text: '签到' })))
  const loop = await feishuOpenLoop(url, requests, input.rate, { timeoutMs: FEISHU_DEADLINE_MS, retryDelaysMs: RETRY_DELAYS_MS })
  const until = performance.now() + REPLY_WAIT_MS
  while (chats.some((c) => watch.firstAt(c) === undefined) && performance.now() < until) await new Promise((r) => setTimeout(r, 100))
  // A request never acknowledged is infinitely late, so a p99 cannot look good by leaving it out.
  const acks = loop.ackedAt.map((at, i) => (at === null ? Number.POSITIVE_INFINITY : at - loop.due[i]!))
  const replies = chats.flatMap((c, i) => {
    const at = watch.firstAt(c)
    return at === undefined ? [] : [at - loop.due[i]!]
  })
  return {
    label: input.label,
    rate: input.rate,
    seconds: loop.seconds,
    sent: requests.length,
    acked: acks.filter(Number.isFinite).length,
    ackP50Ms: quantile(acks, 0.5),
    ackP99Ms: quantile(acks, 0.99),
    replyP50Ms: quantile(replies, 0.5),
    replyP99Ms: quantile(replies, 0.99),
    replyMaxMs: quantile(replies, 1),
    missing: chats.length - replies.length,
    retries: loop.retries,
    statuses: loop.statuses,
    extraReplies: chats.reduce((sum, c) => sum + Math.max(0, watch.countOf(c) - 1), 0),
  }
}

export function describeReplyPhase(p: ReplyPhase): string {
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—')
  return (
    `${p.label}: ${p.rate}/s for ${p.seconds.toFixed(0)} s, ${p.acked}/${p.sent} acked p50 ${ms(p.ackP50Ms)} p99 ${ms(p.ackP99Ms)} ms; ` +
    `reply p50 ${ms(p.replyP50Ms)} p99 ${ms(p.replyP99Ms)} max ${ms(p.replyMaxMs)} ms; missing ${p.missing}, retries ${p.retries}, extra replies ${p.extraReplies}; answers ${JSON.stringify(p.statuses)}`
  )
}
