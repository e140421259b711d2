import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { benchEligibility } from './eligibility'
import { benchRollup } from './rollup'
import { benchWebhook, type WebhookResult } from './webhook'

/**
 * npm run bench: the Feishu webhook against the floor and the peer, the month-end roll-up and eligibility, on the
 * PostgreSQL server at DATABASE_URL (default: the local one). Prints one summary table; writes JSON to bench/results/.
 * BENCH_SECONDS sets the length of each load phase (default 8).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 8)
const log = (line: string) => console.error(`  ${line}`)
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`

console.error(`duikou bench on ${machine}; ${seconds} s per load phase`)
console.error('webhook: closed loop (throughput) and open loop (latency) per target')
const webhook = await benchWebhook({ seconds, log })
console.error('month-end roll-up: 10 000 postings × 31 days')
const rollup = await benchRollup()
console.error('eligibility: one applicant × all programmes')
const eligibility = benchEligibility()

const at = (target: string, mode: string, level: number) => webhook.phases.find((p) => p.target === target && p.mode === mode && p.level === level)!
const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN)
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—')

const rows: string[][] = [['measure', 'duikou (a)', 'floor (b)', 'peer (c)', 'a/b', 'a/c', 'target']]
for (const connections of [10, 50, 200]) {
  const [a, b, c] = ['duikou', 'floor', 'peer'].map((t) => at(t, 'closed', connections))
  rows.push([`closed ${connections} conns: req/s`, fmt(a!.perSecond), fmt(b!.perSecond), fmt(c!.perSecond), fmt(ratio(a!.perSecond, b!.perSecond), 2), fmt(ratio(a!.perSecond, c!.perSecond), 2), connections === 200 ? 'a/b ≥ 0.7, a/c ≥ 1.5' : ''])
  rows.push([`closed ${connections} conns: p50 / p99 ms`, `${fmt(a!.p50Ms, 1)} / ${fmt(a!.p99Ms, 1)}`, `${fmt(b!.p50Ms, 1)} / ${fmt(b!.p99Ms, 1)}`, `${fmt(c!.p50Ms, 1)} / ${fmt(c!.p99Ms, 1)}`, '', '', ''])
}
for (const rate of [50, 200, 400]) {
  const [a, b, c] = ['duikou', 'floor', 'peer'].map((t) => at(t, 'open', rate))
  rows.push([`open ${rate}/s: p50 / p99 ms`, `${fmt(a!.p50Ms, 1)} / ${fmt(a!.p99Ms, 1)}`, `${fmt(b!.p50Ms, 1)} / ${fmt(b!.p99Ms, 1)}`, `${fmt(c!.p50Ms, 1)} / ${fmt(c!.p99Ms, 1)}`, '', '', rate === 200 ? 'a: p99 < 50 ms' : ''])
}
// Handling capacity shows under the closed loops; the open loops offer less than it.
const handled = webhook.phases.filter((p) => p.backlog && p.mode === 'closed').map((p) => p.backlog!.handledPerSecond)
rows.push(['duikou: messages handled/s, saturated', `${fmt(Math.min(...handled))}–${fmt(Math.max(...handled))}`, '', '', '', '', '≫ 30/s (08:00 burst)'])
rows.push(['roll-up: monthly .xlsx, warm / cold ms', `${fmt(rollup.exportMs.warmMedian)} / ${fmt(rollup.exportMs.cold)}`, '', '', '', '', '< 1000 ms'])
rows.push(['roll-up: status card, warm / cold ms', `${fmt(rollup.statusMs.warmMedian)} / ${fmt(rollup.statusMs.cold)}`, '', '', '', '', '< 1000 ms'])
rows.push(['eligibility: applicants/s', fmt(eligibility.applicantsPerSecond), '', '', '', '', '≥ 20 000'])

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)))
const line = (r: string[]) => `| ${r.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join(' | ')} |`
console.log(`\nduikou bench, ${new Date().toISOString()}, ${machine}`)
console.log(line(rows[0]!))
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const r of rows.slice(1)) console.log(line(r))
errorsNote(webhook)

mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
const file = new URL(`./results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url)
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, seconds, webhook, rollup, eligibility }, null, 2))
console.log(`\nwritten: ${file.pathname}`)

function errorsNote(result: WebhookResult) {
  const failed = result.phases.filter((p) => p.errors > 0)
  if (failed.length) console.log(`non-2xx answers: ${failed.map((p) => `${p.target} ${p.mode} ${p.level}: ${p.errors}`).join('; ')}`)
}
