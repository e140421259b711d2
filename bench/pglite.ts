import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../db/client'
import { migrate } from '../db/migrate'
import { systemClock } from '../src/domain/clock'
import { FEISHU_ENV, startFakeFeishu } from '../test/support/feishu'
import { closedLoop, type PhaseResult } from './load'
import { describeReplyPhase, type ReplyPhase, replyPhase, replyWatch, type ReplyWatch } from './replies'
import { seedDoctors } from './support/doctors'
import { markTodaysJobsRun } from './support/jobs'
import { between, type CpuPerMessage, cpuPerMessage, type Meter, type Reading, startMeter } from './support/meter'
import { type RunningServer, startServer } from './support/server'
import { feishuCheckIns, prebuilt, TARGETS } from './webhook'

/**
 * duikou on its embedded default, PGlite: the server as `npm start` runs it with no DATABASE_URL, its database in
 * `<cwd>/.data/pglite`, cwd a temp dir so the developer's ./.data is never touched.
 */
export interface PgliteResult {
  doctors: number
  /** After start (database seeded), settled; the highest 100 ms sample over all phases. */
  rss: { idleBytes: number; peakBytes: number }
  /** No backlog: 30/s and 50/s offered. */
  replies: ReplyPhase[]
  /** A saturating closed loop, then the backlog drained with nothing arriving. */
  saturation: PhaseResult & { drain: PgliteDrain; cpu: CpuPerMessage }
  /** Another saturating closed loop, then at once 50/s offered while its backlog is still being handled. */
  afterBurst: { burst: PhaseResult; replies: ReplyPhase }
}

export interface PgliteDrain {
  /** Replies still to come when the load stopped: the bench cannot read the server's database, so replies count as handled. */
  unhandled: number
  drainMs: number
  /** Replies shown after the load stopped ÷ drain time. */
  handledPerSecond: number
  /** Replies not shown when the drain gave up (no reply for 15 s). */
  leftOver: number
}

const DOCTORS = 20_000
const BURST_CONNECTIONS = 50
const BURST_MS = 10_000
/** Doctors each burst draws from; a burst that acknowledges more goes round again with 签退. */
const BURST_DOCTORS = 5000
const AFTER_BURST = { rate: 50, seconds: 60 }
const REPLY_RATES = [30, 50]
const WARMUP = { rate: 20, seconds: 5 }

export async function benchPglite(options: { replySeconds: number; log: (line: string) => void }): Promise<PgliteResult> {
  // Each phase has doctors of its own, so every reply phase's 签到 is that doctor's first of the day.
  let nextDoctor = 0
  const take = (count: number) => (nextDoctor += count) - count
  const warmupFrom = take(WARMUP.rate * WARMUP.seconds)
  const replyFrom = REPLY_RATES.map((rate) => take(rate * options.replySeconds))
  const burstFrom = [take(BURST_DOCTORS), take(BURST_DOCTORS)]
  const afterBurstFrom = take(AFTER_BURST.rate * AFTER_BURST.seconds)
  const doctors = Math.max(DOCTORS, nextDoctor)

  const home = mkdtempSync(join(tmpdir(), 'duikou-bench-pglite-'))
  const watch = replyWatch()
  const feishu = await startFakeFeishu({ onDelivered: watch.onDelivered })
  let server: RunningServer | null = null
  try {
    const seeding = await openDatabase({ driver: 'pglite', dataDir: join(home, '.data', 'pglite') })
    try {
      await migrate(seeding)
      await seedDoctors(seeding.db, systemClock, doctors)
      await markTodaysJobsRun(seeding.db, systemClock)
    } finally {
      await seeding.close()
    }
    // DATABASE_URL blank is unset: the embedded default, even when the developer's shell sets one.
    const env = { DATABASE_URL: '', ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url, FEISHU_DEFAULT_TENANT: 'demo' }
    server = await startServer(TARGETS.duikou.entry, env, { cwd: home, listenTimeoutMs: 120_000 })
    if (!server.output().includes('database: pglite')) throw new Error(`the server did not open PGlite:\n${server.output()}`)
    const { url } = server
    const { path } = TARGETS.duikou
    const meter = startMeter(server.pid)
    const burst = (from: number) => closedLoop(url, prebuilt(path, 4000, feishuCheckIns(path, from, BURST_DOCTORS)), BURST_CONNECTIONS, BURST_MS)
    try {
      const idleBytes = await meter.settledRss()
      await replyPhase(url, path, watch, { label: 'PGlite warm-up', from: warmupFrom, ...WARMUP })
      const replies: ReplyPhase[] = []
      for (const [i, rate] of REPLY_RATES.entries()) {
        const phase = await replyPhase(url, path, watch, { label: `PGlite reply ${rate}/s`, from: replyFrom[i]!, rate, seconds: options.replySeconds })
        replies.push(phase)
        options.log(describeReplyPhase(phase))
      }

      const shownBefore = watch.total()
      const start = meter.reading()
      const saturated = await burst(burstFrom[0]!)
      const loadEnd = meter.reading()
      const shownDuringLoad = watch.total() - shownBefore
      const drain = await drainReplies(watch, shownBefore + saturated.ok, meter)
      const cpu = cpuPerMessage(between(start, loadEnd), between(loadEnd, drain.end), {
        acked: saturated.ok,
        handledDuringLoad: shownDuringLoad,
        handledDuringDrain: drain.result.unhandled - drain.result.leftOver,
      })
      options.log(
        `PGlite closed ${BURST_CONNECTIONS} (saturation): ${saturated.perSecond.toFixed(0)} acks/s p50 ${saturated.p50Ms.toFixed(0)} p99 ${saturated.p99Ms.toFixed(0)} ms errors ${saturated.errors}; ` +
          `then ${drain.result.unhandled} replies in ${(drain.result.drainMs / 1000).toFixed(1)} s (${drain.result.handledPerSecond.toFixed(0)}/s draining, ${drain.result.leftOver} never); ` +
          `CPU ms/msg ack ${cpu.ackMs.toFixed(2)} handling ${cpu.handlingMs.toFixed(2)}`,
      )

      const second = await burst(burstFrom[1]!)
      options.log(`PGlite second burst: ${second.perSecond.toFixed(0)} acks/s, errors ${second.errors}; ${AFTER_BURST.rate}/s offered at once`)
      const after = await replyPhase(url, path, watch, { label: `PGlite ${AFTER_BURST.rate}/s after a burst`, from: afterBurstFrom, ...AFTER_BURST })
      options.log(describeReplyPhase(after))
      return { doctors, rss: { idleBytes, peakBytes: meter.peakRss() }, replies, saturation: { ...saturated, drain: drain.result, cpu }, afterBurst: { burst: second, replies: after } }
    } finally {
      meter.stop()
    }
  } finally {
    await server?.stop()
    await feishu.close()
    rmSync(home, { recursive: true, force: true })
  }
}

/** Waits until `expected` messages have been shown in all, or none came for 15 s; the reading is taken at the end. */
async function drainReplies(watch: ReplyWatch, expected: number, meter: Meter): Promise<{ result: PgliteDrain; end: Reading }> {
  const started = performance.now()
  const unhandled = Math.max(0, expected - watch.total())
  let lastCount = watch.total()
  let lastChange = started
  while (watch.total() < expected && performance.now() - lastChange < 15_000) {
    await new Promise((r) => setTimeout(r, 20))
    if (watch.total() !== lastCount) [lastCount, lastChange] = [watch.total(), performance.now()]
  }
  const end = meter.reading()
  const drainMs = lastChange - started
  const leftOver = Math.max(0, expected - watch.total())
  return { result: { unhandled, drainMs, handledPerSecond: (unhandled - leftOver) / (drainMs / 1000), leftOver }, end }
}
