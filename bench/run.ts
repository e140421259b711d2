import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { benchEligibility } from './eligibility'
import { benchPglite, type PgliteResult } from './pglite'
import type { ReplyPhase } from './replies'
import { type CpuPerMessage, stealMeter } from './support/meter'
import { benchRollup } from './rollup'
import { benchWebhook, type WebhookResult } from './webhook'

/**
 * npm run bench: the Feishu webhook against the floor and the peer, what a doctor waits for (acknowledgement and
 * reply) on PostgreSQL and on the embedded PGlite, the month-end roll-up and eligibility, on the PostgreSQL server at
 * DATABASE_URL (default: the local one). Prints one summary table; writes JSON to bench/results/.
 * BENCH_SECONDS sets the length of each throughput/latency load phase (default 8); BENCH_REPLY_SECONDS the length
 * of each reply phase (default 30). For development, BENCH_ONLY=replies runs only the reply phases on PostgreSQL and
 * the PGlite part; BENCH_ONLY=pglite only the PGlite part. Rows of what did not run show —.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 8)
const replySeconds = Number(process.env.BENCH_REPLY_SECONDS ?? 30)
const only = process.env.BENCH_ONLY ?? ''
if (!['', 'replies', 'pglite'].includes(only)) throw new Error(`BENCH_ONLY must be replies or pglite, not ${only}`)
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void
const log = (line: string) => console.error(`  ${line}`)
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`

console.error(`duikou bench on ${machine}; ${seconds} s per load phase, ${replySeconds} s per reply phase${only ? `; only ${only}` : ''}`)
const stolenInRun = stealMeter()
const stolen: { postgres?: number; pglite?: number; rest?: number; run?: number } = {}
let webhook: WebhookResult | null = null
if (only !== 'pglite') {
  console.error(only ? 'webhook on PostgreSQL: reply phases' : 'webhook on PostgreSQL: closed loop (throughput) and open loop (latency) per target, then reply phases')
  const stolenInPart = stealMeter()
  webhook = await benchWebhook({ seconds, replySeconds, repliesOnly: only === 'replies', log })
  stolen.postgres = stolenInPart()
}
console.error('webhook on PGlite (the embedded default): reply phases, a saturating burst and its drain, 50/s right after a burst')
const stolenInPglite = stealMeter()
const pglite = await benchPglite({ replySeconds, log })
stolen.pglite = stolenInPglite()
const stolenInRest = stealMeter()
let rollup: Awaited<ReturnType<typeof benchRollup>> | null = null
let eligibility: ReturnType<typeof benchEligibility> | null = null
if (!only) {
  // Each starts from a collected heap: measured right after the roll-up, eligibility ran in its 600 MB of garbage
  // and gave 40 230 applicants/s, 47 384 once that was collected.
  collectGarbage()
  console.error('eligibility: one applicant × all programmes')
  eligibility = benchEligibility()
  collectGarbage()
  console.error('month-end roll-up: 10 000 postings × 31 days')
  rollup = await benchRollup()
  stolen.rest = stolenInRest()
}
stolen.run = stolenInRun()

const at = (target: string, mode: string, level: number) => webhook?.phases.find((p) => p.target === target && p.mode === mode && p.level === level)
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : Number.NaN)
const fmt = (n: number | undefined, digits = 0) => (n === Number.POSITIVE_INFINITY ? '∞' : n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '—')
const pair = (a: number | undefined, b: number | undefined, digits = 1) => `${fmt(a, digits)} / ${fmt(b, digits)}`
const mb = (bytes: number | undefined) => fmt(bytes === undefined ? undefined : bytes / 2 ** 20)

const rows: string[][] = [['measure', 'duikou (a)', 'floor (b)', 'peer (c)', 'a/b', 'a/c', 'target']]
const row = (measure: string, value: string, target = '') => rows.push([measure, value, '', '', '', '', target])
const percent = (share: number | undefined) => (share === undefined ? '—' : `${(share * 100).toFixed(1)} %`)
// First, because every rate below moves with it: the CPU the hypervisor took from this VM (vmstat's st).
row('machine: CPU stolen (steal), PG part / PGlite part / rest / run', [stolen.postgres, stolen.pglite, stolen.rest, stolen.run].map(percent).join(' / '))
for (const connections of [10, 50, 200]) {
  const [a, b, c] = ['duikou', 'floor', 'peer'].map((t) => at(t, 'closed', connections))
  rows.push([`closed ${connections} conns: req/s`, fmt(a?.perSecond), fmt(b?.perSecond), fmt(c?.perSecond), fmt(ratio(a?.perSecond, b?.perSecond), 2), fmt(ratio(a?.perSecond, c?.perSecond), 2), connections === 200 ? 'a/b ≥ 0.8, a/c ≥ 1.2' : ''])
  rows.push([`closed ${connections} conns: p50 / p99 ms`, pair(a?.p50Ms, a?.p99Ms), pair(b?.p50Ms, b?.p99Ms), pair(c?.p50Ms, c?.p99Ms), '', '', ''])
}
for (const rate of [50, 200, 400]) {
  const [a, b, c] = ['duikou', 'floor', 'peer'].map((t) => at(t, 'open', rate))
  rows.push([`open ${rate}/s: p50 / p99 ms`, pair(a?.p50Ms, a?.p99Ms), pair(b?.p50Ms, b?.p99Ms), pair(c?.p50Ms, c?.p99Ms), '', '', rate === 200 ? 'a: p99 < 15 ms' : ''])
}
// Load and drain mixed: kept to compare with earlier runs; the drain rate below is the capacity.
const handled = webhook?.phases.filter((p) => p.backlog && p.mode === 'closed').map((p) => p.backlog!.handledPerSecond) ?? []
row('PG: handled/s over load + drain, closed (old measure)', handled.length ? `${fmt(Math.min(...handled))}–${fmt(Math.max(...handled))}` : '—')

const replyTargets: Record<string, { ack: string; reply: string; counts: string }> = {
  'PG reply 200/s': { ack: '< 15', reply: '< 300', counts: '' },
  'PGlite reply 50/s': { ack: '< 100', reply: '< 1000', counts: 'retries 0' },
  'PGlite 50/s after a burst': { ack: '< 100', reply: '< 1000', counts: 'retries 0' },
}
const replyRows = (p: ReplyPhase) => {
  const target = replyTargets[p.label]
  row(`${p.label}: ack p50 / p99 ms`, pair(p.ackP50Ms, p.ackP99Ms), target?.ack)
  row(`${p.label}: reply p50 / p99 ms`, pair(p.replyP50Ms, p.replyP99Ms), target?.reply)
  row(`${p.label}: missing / retries / extra replies`, `${p.missing} / ${p.retries} / ${p.extraReplies}`, target?.counts)
}
for (const p of webhook?.replies ?? []) replyRows(p)
for (const p of pglite.replies) replyRows(p)
row(`PGlite: acks/s at saturation (closed ${pglite.saturation.level} conns)`, fmt(pglite.saturation.perSecond), '≥ 200')
row(`PGlite: burst before "after a burst": acks/s`, fmt(pglite.afterBurst.burst.perSecond))
replyRows(pglite.afterBurst.replies)

const closedPhases = webhook?.phases.filter((p) => p.target === 'duikou' && p.mode === 'closed' && p.backlog) ?? []
// The backlog's size says how much to trust the rate (and the CPU split below): a few messages drain in no time.
for (const p of closedPhases) row(`PG: handled/s draining the backlog of closed ${p.level}`, `${fmt(p.backlog!.drainHandledPerSecond)} (backlog ${p.backlog!.unhandled})`, '≥ 1000')
const drained = pglite.saturation.drain
row(`PGlite: handled/s draining the backlog of closed ${pglite.saturation.level} (replies)`, `${fmt(drained.handledPerSecond)} (backlog ${drained.unhandled})`)
const cpuRows = (label: string, cpu: CpuPerMessage) => {
  row(`${label}: server CPU ms/msg, ack / handling`, pair(cpu.ackMs, cpu.handlingMs, 2))
  const s = (ms: number) => fmt(ms / 1000, 1)
  // PGlite runs inside the server process: its "postgres" is 0, the engine's work is the server's.
  row(`${label}: CPU s server / postgres / bench, load; drain`, `${s(cpu.load.serverMs)} / ${s(cpu.load.postgresMs)} / ${s(cpu.load.clientMs)}; ${s(cpu.drain.serverMs)} / ${s(cpu.drain.postgresMs)} / ${s(cpu.drain.clientMs)}`)
}
for (const p of closedPhases) cpuRows(`PG closed ${p.level}`, p.cpu!)
cpuRows(`PGlite closed ${pglite.saturation.level}`, pglite.saturation.cpu)
row('PG: server RSS idle / peak MB', `${mb(webhook?.rss.idleBytes)} / ${mb(webhook?.rss.peakBytes)}`)
row('PGlite: server RSS idle / peak MB', `${mb(pglite.rss.idleBytes)} / ${mb(pglite.rss.peakBytes)}`, '< 300 / < 450')

row('roll-up: monthly .xlsx, warm / cold ms', pair(rollup?.exportMs.warmMedian, rollup?.exportMs.cold, 0), '< 700 ms warm')
row('roll-up: status card, warm / cold ms', pair(rollup?.statusMs.warmMedian, rollup?.statusMs.cold, 0), '< 1000 ms')
row('eligibility: applicants/s', fmt(eligibility?.applicantsPerSecond), '≥ 50 000')

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)))
const line = (r: string[]) => `| ${r.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join(' | ')} |`
console.log(`\nduikou bench, ${new Date().toISOString()}, ${machine}`)
console.log(line(rows[0]!))
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const r of rows.slice(1)) console.log(line(r))
if (webhook) errorsNote(webhook)

mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
const file = new URL(`./results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url)
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, stolen, seconds, replySeconds, only: only || undefined, webhook, pglite, rollup, eligibility }, null, 2))
console.log(`\nwritten: ${file.pathname}`)

function errorsNote(result: WebhookResult) {
  const failed = result.phases.filter((p) => p.errors > 0)
  if (failed.length) console.log(`non-2xx answers: ${failed.map((p) => `${p.target} ${p.mode} ${p.level}: ${p.errors}`).join('; ')}`)
}
