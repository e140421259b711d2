import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { rowsOf } from '../db/database'
import { inbox } from '../db/schema'
import { systemClock } from '../src/domain/clock'
import { FEISHU_ENV, feishuEncrypt, messageEvent, startFakeFeishu } from '../test/support/feishu'
import { closedLoop, openLoop, type PhaseResult, type Prepared } from './load'
import { freshDatabase, unsettled } from './support/database'
import { benchOpenId, seedDoctors } from './support/doctors'
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
  /** Messages handled from the start of the load until the backlog was gone, per second of that time. */
  handledPerSecond: number
}

export interface WebhookResult {
  doctors: number
  phases: (PhaseResult & { target: TargetName; backlog?: Backlog })[]
}

const DOCTORS = 20_000
const CLOSED_CONNECTIONS = [10, 50, 200]
const OPEN_RATES = [50, 200, 400]

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

/** `im.message.receive_v1` from doctor `k mod DOCTORS`, who checks in on the first round and out on the second. */
function feishuCheckIns(path: string) {
  let k = 0
  return (): Prepared => {
    const round = Math.floor(k / DOCTORS)
    const payload = messageEvent({ openId: benchOpenId(k % DOCTORS), text: round % 2 === 0 ? '签到' : '签退' })
    k++
    return signedFeishuEvent(path, payload)
  }
}

/** Bodies are built ahead of each phase, so the phase measures the server rather than the client's AES. */
function prebuilt(path: string, count: number, source = feishuCheckIns(path)): () => Prepared {
  const ready = Array.from({ length: count }, source)
  let i = 0
  return () => ready[i++] ?? source()
}

export async function benchWebhook(options: { seconds: number; log: (line: string) => void }): Promise<WebhookResult> {
  const durationMs = options.seconds * 1000
  const { url, database } = await freshDatabase('duikou_bench')
  await database.db.execute(sql`create table bench_inbound (id bigserial primary key, source text not null, event_key text not null unique, payload text not null, received_at timestamptz not null default now())`)
  await seedDoctors(database.db, systemClock, DOCTORS)
  const feishu = await startFakeFeishu()
  const env = { DATABASE_URL: url, ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url, FEISHU_DEFAULT_TENANT: 'demo' }
  const servers = {
    duikou: await startServer(TARGETS.duikou.entry, env),
    floor: await startServer(TARGETS.floor.entry, env),
    peer: await startServer(TARGETS.peer.entry, env),
  }
  const sources = Object.fromEntries(Object.keys(TARGETS).map((name) => [name, feishuCheckIns(TARGETS[name as TargetName].path)])) as Record<TargetName, () => Prepared>
  const phases: WebhookResult['phases'] = []
  const count = async (query: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await database.db.execute(query))[0]!.n
  const handledSoFar = () => count(sql`select count(*)::int as n from ${inbox} where ${inbox.handledAt} is not null`)
  const drain = async (handledBefore: number, loadSeconds: number): Promise<Backlog> => {
    const started = performance.now()
    const unhandled = await count(sql`select count(*)::int as n from ${inbox} where ${inbox.handledAt} is null`)
    while ((await unsettled(database.db)) > 0) await new Promise((r) => setTimeout(r, 100))
    const drainMs = performance.now() - started
    return { unhandled, drainMs, handledPerSecond: ((await handledSoFar()) - handledBefore) / (loadSeconds + drainMs / 1000) }
  }
  try {
    for (const name of Object.keys(TARGETS) as TargetName[]) await closedLoop(servers[name].url, sources[name], 10, 2000)
    await drain(0, 0)
    const run = async (mode: 'closed' | 'open', level: number) => {
      for (const name of Object.keys(TARGETS) as TargetName[]) {
        const expected = mode === 'closed' ? 4000 * options.seconds : level * options.seconds
        const next = prebuilt(TARGETS[name].path, Math.min(expected, 40_000), sources[name])
        const handledBefore = await handledSoFar()
        const result = mode === 'closed' ? await closedLoop(servers[name].url, next, level, durationMs) : await openLoop(servers[name].url, next, level, durationMs)
        // duikou handles what it acknowledged after the load; the next server is measured only once that is done.
        const backlog = name === 'duikou' ? await drain(handledBefore, result.seconds) : undefined
        phases.push({ target: name, ...result, backlog })
        options.log(
          `${name.padEnd(7)} ${mode} ${String(level).padStart(4)}: ${result.perSecond.toFixed(0)}/s p50 ${result.p50Ms.toFixed(1)} ms p99 ${result.p99Ms.toFixed(1)} ms errors ${result.errors}` +
            (backlog ? `; then ${backlog.unhandled} handled in ${(backlog.drainMs / 1000).toFixed(1)} s (${backlog.handledPerSecond.toFixed(0)} handled/s)` : ''),
        )
      }
    }
    for (const connections of CLOSED_CONNECTIONS) await run('closed', connections)
    for (const rate of OPEN_RATES) await run('open', rate)
    return { doctors: DOCTORS, phases }
  } finally {
    for (const server of Object.values(servers)) await server.stop()
    await feishu.close()
    await database.close()
  }
}
