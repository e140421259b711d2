import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { rowsOf } from '../db/database'
import { inbox } from '../db/schema'
import { systemClock } from '../src/domain/clock'
import { FEISHU_ENV, feishuEncrypt, messageEvent, startFakeFeishu } from '../test/support/feishu'
import { closedLoop, openLoop, type PhaseResult, type Prepared } from './load'
import { describeReplyPhase, type ReplyPhase, replyPhase, replyWatch } from './replies'
import { freshDatabase, settled } from './support/database'
import { benchOpenId, seedDoctors } from './support/doctors'
import { markTodaysJobsRun } from './support/jobs'
import { between, type CpuPerMessage, cpuPerMessage, startMeter } from './support/meter'
import { startServer } from './support/server'

export const TARGETS = {
  duikou: { entry: 'src/server.ts', path: '/webhooks/feishu/events' },
  floor: { entry: 'bench/floor-server.ts', path: '/floor' },
  peer: { entry: 'bench/peer-server.ts', path: '/webhook/event' },
} as const
export type TargetName = keyof typeof TARGETS

export interface Backlog {
  /** Messages acknowledged but not yet handled when the load stopped. */
  unhandled: number
  /** From the end of the load until every message was handled and every reply sent to the (fake) platform. */
  drainMs: number
  /** Messages handled from the start of the load until the backlog was gone, per second of that time (load and drain mixed). */
  handledPerSecond: number
  /** Messages handled after the load stopped ÷ the drain time: the rate of working through a backlog, nothing arriving. */
  drainHandledPerSecond: number
}

export interface WebhookResult {
  doctors: number
  phases: (PhaseResult & { target: TargetName; backlog?: Backlog; cpu?: CpuPerMessage })[]
  /** duikou on PostgreSQL, what a doctor waits for: acknowledgement and reply, Feishu's retries counted. */
  replies: ReplyPhase[]
  /** duikou's server process: after start (database seeded), settled; and the highest 100 ms sample over all phases. */
  rss: { idleBytes: number; peakBytes: number }
}

const DOCTORS = 20_000
const CLOSED_CONNECTIONS = [10, 50, 200]
const OPEN_RATES = [50, 200, 400]
const REPLY_RATES = [30, 200]

/** A signed, encrypted Feishu event exactly as Feishu sends it: the signature covers the bytes sent. */
export function signedFeishuEvent(path: string, payload: unknown): Prepared {
  const body = JSON.stringify({ encrypt: feishuEncrypt(JSON.stringify(payload)) })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = crypto.randomUUID()
  const signature = createHash('sha256').update(timestamp + nonce + FEISHU_ENV.FEISHU_ENCRYPT_KEY + body).digest('hex')
  return {
    path,
    body,
    headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': timestamp, 'x-lark-request-nonce': nonce, 'x-lark-signature': signature },
  }
}

/** `im.message.receive_v1` from doctor `from + k mod count`, who checks in on the first round and out on the second. */
export function feishuCheckIns(path: string, from = 0, count = DOCTORS) {
  let k = 0
  return (): Prepared => {
    const round = Math.floor(k / count)
    const payload = messageEvent({ openId: benchOpenId(from + (k % count)), text: round % 2 === 0 ? '签到' : '签退' })
    k++
    return signedFeishuEvent(path, payload)
  }
}

/** Bodies are built ahead of each phase, so the phase measures the server rather than the client's AES. */
export function prebuilt(path: string, count: number, source = feishuCheckIns(path)): () => Prepared {
  const ready = Array.from({ length: count }, source)
  let i = 0
  return () => ready[i++] ?? source()
}

const DATABASE = 'duikou_bench'

/**
 * The load phases against duikou, the floor and the peer (closed loops, then open loops), then duikou's reply phases;
 * `repliesOnly` skips the first part. Doctors from DOCTORS on are kept for the reply phases, one message each.
 */
export async function benchWebhook(options: { seconds: number; replySeconds: number; repliesOnly: boolean; log: (line: string) => void }): Promise<WebhookResult> {
  const durationMs = options.seconds * 1000
  const { url, database } = await freshDatabase(DATABASE)
  await database.db.execute(sql`create table bench_inbound (id bigserial primary key, source text not null, event_key text not null unique, payload text not null, received_at timestamptz not null default now())`)
  const replyDoctors = REPLY_RATES.reduce((sum, rate) => sum + rate * options.replySeconds, 0)
  await seedDoctors(database.db, systemClock, DOCTORS + replyDoctors)
  await markTodaysJobsRun(database.db, systemClock)
  const watch = replyWatch()
  const feishu = await startFakeFeishu({ onDelivered: watch.onDelivered })
  const env = { DATABASE_URL: url, ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url, FEISHU_DEFAULT_TENANT: 'demo' }
  const servers = {
    duikou: await startServer(TARGETS.duikou.entry, env),
    floor: await startServer(TARGETS.floor.entry, env),
    peer: await startServer(TARGETS.peer.entry, env),
  }
  const meter = startMeter(servers.duikou.pid, { postgresDatabase: DATABASE })
  const idleBytes = await meter.settledRss()
  const sources = Object.fromEntries(Object.keys(TARGETS).map((name) => [name, feishuCheckIns(TARGETS[name as TargetName].path)])) as Record<TargetName, () => Prepared>
  const phases: WebhookResult['phases'] = []
  const count = async (query: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await database.db.execute(query))[0]!.n
  const handledSoFar = () => count(sql`select count(*)::int as n from ${inbox} where ${inbox.handledAt} is not null`)
  const drain = async (handledBefore: number, loadSeconds: number): Promise<Backlog> => {
    const started = performance.now()
    const unhandled = await count(sql`select count(*)::int as n from ${inbox} where ${inbox.handledAt} is null`)
    while (!(await settled(database.db))) await new Promise((r) => setTimeout(r, 100))
    const drainMs = performance.now() - started
    return { unhandled, drainMs, handledPerSecond: ((await handledSoFar()) - handledBefore) / (loadSeconds + drainMs / 1000), drainHandledPerSecond: unhandled / (drainMs / 1000) }
  }
  try {
    for (const name of Object.keys(TARGETS) as TargetName[]) await closedLoop(servers[name].url, sources[name], 10, 2000)
    await drain(0, 0)
    const run = async (mode: 'closed' | 'open', level: number) => {
      for (const name of Object.keys(TARGETS) as TargetName[]) {
        const expected = mode === 'closed' ? 4000 * options.seconds : level * options.seconds
        const next = prebuilt(TARGETS[name].path, Math.min(expected, 40_000), sources[name])
        const handledBefore = await handledSoFar()
        const start = meter.reading()
        const result = mode === 'closed' ? await closedLoop(servers[name].url, next, level, durationMs) : await openLoop(servers[name].url, next, level, durationMs)
        const loadEnd = meter.reading()
        // duikou handles what it acknowledged after the load; the next server is measured only once that is done.
        const backlog = name === 'duikou' ? await drain(handledBefore, result.seconds) : undefined
        // An open loop leaves a handful of messages behind: CPU per message of that drain would be noise (it printed
        // negative acknowledgement costs), so it is split only after a closed loop's real backlog.
        const cpu =
          backlog && mode === 'closed' ? cpuPerMessage(between(start, loadEnd), between(loadEnd, meter.reading()), { acked: result.ok, handledDuringLoad: result.ok - backlog.unhandled, handledDuringDrain: backlog.unhandled }) : undefined
        phases.push({ target: name, ...result, backlog, cpu })
        options.log(
          `${name.padEnd(7)} ${mode} ${String(level).padStart(4)}: ${result.perSecond.toFixed(0)}/s p50 ${result.p50Ms.toFixed(1)} ms p99 ${result.p99Ms.toFixed(1)} ms errors ${result.errors}` +
            (backlog ? `; then ${backlog.unhandled} handled in ${(backlog.drainMs / 1000).toFixed(1)} s (${backlog.drainHandledPerSecond.toFixed(0)}/s draining)` : '') +
            (cpu ? `; CPU ms/msg ack ${cpu.ackMs.toFixed(2)} handling ${cpu.handlingMs.toFixed(2)}` : ''),
        )
      }
    }
    if (!options.repliesOnly) {
      for (const connections of CLOSED_CONNECTIONS) await run('closed', connections)
      for (const rate of OPEN_RATES) await run('open', rate)
    }
    const replies: ReplyPhase[] = []
    let from = DOCTORS
    for (const rate of REPLY_RATES) {
      const phase = await replyPhase(servers.duikou.url, TARGETS.duikou.path, watch, { label: `PG reply ${rate}/s`, from, rate, seconds: options.replySeconds })
      from += rate * options.replySeconds
      await drain(0, 0)
      replies.push(phase)
      options.log(describeReplyPhase(phase))
    }
    return { doctors: DOCTORS, phases, replies, rss: { idleBytes, peakBytes: meter.peakRss() } }
  } finally {
    meter.stop()
    for (const server of Object.values(servers)) await server.stop()
    await feishu.close()
    await database.close()
  }
}
