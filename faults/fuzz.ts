import { dropDatabase, freshDatabase } from '../bench/support/database'
import { type RunningServer, startServer } from '../bench/support/server'
import { seedDemo } from '../src/demo/seed'
import { systemClock } from '../src/domain/clock'
import { runDueJobs } from '../src/jobs/run-jobs'
import { FEISHU_ENV } from '../test/support/feishu'
import { WECOM_ENV } from '../test/support/wecom'
import { type CheckResult, countChanges, MB, rowCounts, seededRandom, waitFor } from './check'
import { type FuzzRequest, fuzzer, MAX_BODY_BYTES, nextRequest } from './support/fuzz-requests'
import { type RawOutcome, type RawRequest, rawRequest } from './support/raw-http'

const NAME = 'fuzz'
const DATABASE = 'duikou_fault_fuzz'
const REQUESTS = 10_000
const WARM_UP = 1_000
const IN_FLIGHT = 32
const SEED = 20_240_602
const ADMIN_TOKEN = 'fuzz-admin-token-0123456789-abcdef'
/**
 * Growth allowed from the end of the warm-up to the end of the run, both measured after a full GC. What is still
 * alive is the leak test: the live heap, and the buffers outside it (a server keeping a few 5–50 MiB bodies would
 * show there). RSS is reported, not judged: after the 5–50 MiB uploads the allocator keeps pages it freed, so RSS
 * grew 53–162 MB between runs of the same code while heap and buffers stayed flat (seen 2026-12-01).
 */
const HEAP_GROWTH_LIMIT_MB = 10
const BUFFER_GROWTH_LIMIT_MB = 32
/**
 * A huge body must be refused before it is all sent: after the 1 MiB limit plus whatever the two sockets' buffers
 * hold (a few MiB on loopback), never after reading it all.
 */
const HUGE_ANSWERED_WITHIN_BYTES = 8 * MB

interface Tally {
  statuses: Map<number, number>
  /** `kind status` → count, to see what each kind of request reached. */
  byKind: Map<string, number>
  /** Requests that got no answer: the connection was reset or closed under them. */
  resets: string[]
  unexpected: string[]
  errors5xx: string[]
}

async function send(url: string, request: FuzzRequest, tally: Tally): Promise<void> {
  try {
    const response = await fetch(`${url}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    })
    await response.arrayBuffer()
    record(tally, request.kind, response.status, request.expect)
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    tally.resets.push(`${request.kind}: ${cause?.code ?? cause?.message ?? (error as Error).message}`)
  }
}

function record(tally: Tally, kind: string, status: number, expect?: number[]) {
  tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1)
  const key = `${kind} ${status}`
  tally.byKind.set(key, (tally.byKind.get(key) ?? 0) + 1)
  if (status >= 500) tally.errors5xx.push(`${kind} → ${status}`)
  else if (expect && !expect.includes(status)) tally.unexpected.push(`${kind} → ${status} (expected ${expect.join('/')})`)
}

const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / MB).toFixed(0))

/** Asks the probed server to collect all garbage and report its memory (faults/support/probed-server.ts). */
async function memoryAfterGc(server: RunningServer): Promise<{ rss: number; heapUsed: number; arrayBuffers: number }> {
  const from = server.output().length
  server.child.kill('SIGUSR2')
  let report: { rss: number; heapUsed: number; arrayBuffers: number } | null = null
  await waitFor(() => {
    const line = /MEMORY (\{.*\})/.exec(server.output().slice(from))
    if (line) report = JSON.parse(line[1]!)
    return report !== null
  }, 10_000, 20)
  if (!report) throw new Error('the server did not report its memory within 10 s')
  return report
}

async function pool(count: number, make: () => FuzzRequest, url: string, tally: Tally) {
  let left = count
  const lane = async () => {
    while (left-- > 0) await send(url, make(), tally)
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane))
}

interface RawCase {
  name: string
  request: RawRequest
  expect: number[] | 'abandoned'
  /** The size of a body far over the limit. */
  huge?: number
}

/** Requests only a raw socket sends: huge, slow, abandoned, and not HTTP a client library would write. */
function rawCases(url: string): RawCase[] {
  const json = { 'content-type': 'application/json' }
  const huge = (path: string, chunked: boolean, size = 5 * MB) => ({
    name: `${size / MB} MiB ${chunked ? 'chunked' : 'with length'} to ${path}`,
    request: { url, path, headers: json, body: Buffer.alloc(size, 0x61), pieceBytes: 64 * 1024, gapMs: 1, chunked },
    expect: [413],
    huge: size,
  })
  const question = Buffer.from(JSON.stringify({ on: '2016-05-01', profile: { birthDate: '1976-03-02', licence: 'physician', clinicalYears: 10 } }))
  const slow = (path: string, body: Buffer, expect: number[]) => ({
    name: `slow body to ${path}`,
    request: { url, path, headers: json, body, pieceBytes: Math.ceil(body.length / 15), gapMs: 100 },
    expect,
  })
  const abandoned = (path: string, body: Buffer) => ({
    name: `abandoned body to ${path}`,
    request: { url, path, headers: json, body, pieceBytes: Math.ceil(body.length / 10), gapMs: 50, abandonAfter: Math.floor(body.length / 2) },
    expect: 'abandoned' as const,
  })
  const malformed = (name: string, head: string) => ({ name, request: { url, path: '/', body: Buffer.alloc(0), pieceBytes: 1, gapMs: 0, head }, expect: [400, 404, 413, 431] })
  const paths = ['/webhooks/feishu/events', '/api/eligibility', '/webhooks/wecom', '/api/admin/imports?kind=roster']
  return [
    ...paths.flatMap((path) => [huge(path, false), huge(path, true)]),
    huge('/webhooks/feishu/cards', false, 50 * MB),
    ...Array.from({ length: 4 }, () => slow('/api/eligibility', question, [200])),
    ...Array.from({ length: 4 }, () => slow('/webhooks/feishu/events', Buffer.from('{"encrypt":"c2xvdyBib2R5"}'), [401])),
    // The admin API answers 401 before reading a body, so only routes that read one are left hanging.
    ...paths.slice(0, 3).flatMap((path) => [abandoned(path, question), abandoned(path, Buffer.alloc(MAX_BODY_BYTES, 0x61))]),
    malformed('a Content-Length that is no number', 'POST /api/eligibility HTTP/1.1\r\nhost: x\r\ncontent-length: abc\r\n\r\n'),
    malformed('Content-Length and chunked together', 'POST /api/eligibility HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n'),
    malformed('a control character in a header', 'GET /healthz HTTP/1.1\r\nhost: x\r\nx-a: a\u0001b\r\n\r\n'),
    malformed('headers over 64 KiB', `GET /healthz HTTP/1.1\r\nhost: x\r\nx-a: ${'a'.repeat(70_000)}\r\n\r\n`),
    malformed('a request line that is not HTTP', '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n'),
    malformed('a bad chunk size', 'POST /api/eligibility HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n'),
  ]
}

/**
 * 10 000 fuzzed requests against the real server on a seeded database — random and mutated JSON, broken Feishu and
 * WeCom crypto and signatures, XML the parser refuses, the admin API without its token, bodies over 1 MiB, slow and
 * abandoned uploads, malformed HTTP — must get no 5xx, reset nothing, write no row, and leave memory flat.
 */
export async function check(): Promise<CheckResult> {
  const { url: databaseUrl, database } = await freshDatabase(DATABASE)
  let server: RunningServer | null = null
  try {
    await seedDemo(database.db, systemClock)
    // The jobs due today run now, so the server's first tick writes nothing during the count.
    await runDueJobs({ db: database.db, clock: systemClock })
    const { FEISHU_ENCRYPT_KEY, FEISHU_VERIFICATION_TOKEN } = FEISHU_ENV
    const { WECOM_CORP_ID, WECOM_TOKEN, WECOM_ENCODING_AES_KEY } = WECOM_ENV
    // The real server with a memory probe (faults/support/probed-server.ts), given inbound secrets only: without app
    // credentials it sends nothing anywhere.
    server = await startServer('faults/support/probed-server.ts', {
      DATABASE_URL: databaseUrl,
      FEISHU_ENCRYPT_KEY,
      FEISHU_VERIFICATION_TOKEN,
      WECOM_CORP_ID,
      WECOM_TOKEN,
      WECOM_ENCODING_AES_KEY,
      ADMIN_TOKEN,
    })
    const url = server.url
    let exit = ''
    server.child.once('exit', (code, signal) => (exit = `server exited (${signal ?? code})`))
    const before = await rowCounts(database.db)
    const started = performance.now()
    const f = fuzzer(seededRandom(SEED))
    const tally: Tally = { statuses: new Map(), byKind: new Map(), resets: [], unexpected: [], errors5xx: [] }

    await pool(WARM_UP, () => nextRequest(f), url, tally)
    const warm = await memoryAfterGc(server)
    let rssPeak = 0
    const sampler = setInterval(() => {
      if (!server!.exited()) rssPeak = Math.max(rssPeak, server!.rss())
    }, 100)

    const raw = rawCases(url)
    const rawOutcomes: (RawOutcome & RawCase)[] = []
    const rawRun = (async () => {
      // Four at a time beside the fuzz, so slow and huge uploads overlap with everything else.
      const queue = [...raw]
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) rawOutcomes.push({ ...next, ...(await rawRequest(next.request)) })
        }),
      )
    })()
    await pool(REQUESTS - WARM_UP - raw.length, () => nextRequest(f), url, tally)
    await rawRun
    clearInterval(sampler)
    const runMs = performance.now() - started
    const end = server.exited() ? null : await memoryAfterGc(server)

    let abandoned = 0
    let hugeMaxBytes = 0
    const rawProblems: string[] = []
    let hugeClosed = 0
    for (const o of rawOutcomes) {
      // A client about to abandon its body may find the server has already refused it (WeCom's 64 KiB cap) and closed.
      if (o.abandoned || (o.expect === 'abandoned' && o.status === undefined && (o.error === 'EPIPE' || o.error === 'ECONNRESET'))) {
        abandoned++
        continue
      }
      if (o.huge) {
        hugeMaxBytes = Math.max(hugeMaxBytes, o.bytesBeforeResponse)
        if (o.bytesBeforeResponse >= Math.min(o.huge, HUGE_ANSWERED_WITHIN_BYTES)) rawProblems.push(`${o.name}: refused only after ${(o.bytesBeforeResponse / MB).toFixed(1)} MiB`)
        // The server closes the connection after its 413; a client still writing may meet the close before the answer.
        if (o.status === undefined && (o.error === 'EPIPE' || o.error === 'ECONNRESET')) {
          hugeClosed++
          continue
        }
      }
      if (o.status === undefined) tally.resets.push(`${o.name}: ${o.error}`)
      else record(tally, o.name, o.status, o.expect === 'abandoned' ? undefined : o.expect)
    }
    const slowAnswered = rawOutcomes.filter((o) => o.name.startsWith('slow') && o.status !== undefined).length
    const slowCount = raw.filter((c) => c.name.startsWith('slow')).length

    const health = await fetch(`${url}/healthz`).then((r) => r.status, (e: Error) => e.message)
    const after = await rowCounts(database.db)
    const written = countChanges(before, after)
    const heapGrowthMb = end ? (end.heapUsed - warm.heapUsed) / MB : NaN
    const bufferGrowthMb = end ? (end.arrayBuffers - warm.arrayBuffers) / MB : NaN

    const problems: string[] = []
    const sample = (list: string[]) => [...new Set(list)].slice(0, 3).join(', ')
    if (tally.errors5xx.length) problems.push(`${tally.errors5xx.length} answers ≥ 500 (${sample(tally.errors5xx)})`)
    if (tally.resets.length) problems.push(`${tally.resets.length} unanswered (${sample(tally.resets)})`)
    if (tally.unexpected.length) problems.push(`${tally.unexpected.length} unexpected statuses (${sample(tally.unexpected)})`)
    problems.push(...rawProblems)
    if (exit || health !== 200) problems.push(exit || `healthz answered ${health}`)
    if (written.length) problems.push(`rows written: ${written.join(', ')}`)
    if (!(heapGrowthMb < HEAP_GROWTH_LIMIT_MB)) problems.push(`live heap grew ${heapGrowthMb.toFixed(1)} MB (limit ${HEAP_GROWTH_LIMIT_MB})`)
    if (!(bufferGrowthMb < BUFFER_GROWTH_LIMIT_MB)) problems.push(`buffers outside the heap grew ${bufferGrowthMb.toFixed(0)} MB (limit ${BUFFER_GROWTH_LIMIT_MB})`)
    const total = [...tally.statuses.values()].reduce((a, b) => a + b, 0) + tally.resets.length + abandoned + hugeClosed
    const statuses = [...tally.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')
    const detail =
      `${total} requests in ${(runMs / 1000).toFixed(1)} s, ${IN_FLIGHT} in flight: ${statuses}; ` +
      `${tally.errors5xx.length} ≥500, ${tally.resets.length} unanswered (+${abandoned} abandoned on purpose); ` +
      `${raw.filter((c) => c.huge).length} uploads of 5–50 MiB refused after ≤${(hugeMaxBytes / MB).toFixed(1)} MiB sent (${hugeClosed} closed mid-upload); ${slowAnswered}/${slowCount} slow bodies answered; ` +
      `${written.length ? 'ROWS WRITTEN' : 'no rows written'} (${Object.keys(before).length} tables); ` +
      `after a full GC, warm-up (${WARM_UP}) → end: heap ${mb(warm.heapUsed)} → ${mb(end?.heapUsed)} MB, buffers ${mb(warm.arrayBuffers)} → ${mb(end?.arrayBuffers)} MB, RSS ${mb(warm.rss)} → ${mb(end?.rss)} MB (peak ${mb(rssPeak)})` +
      (problems.length ? ` — ${problems.join('; ')}` : '')
    if (process.env.FAULTS_DEBUG) console.log({ byKind: [...tally.byKind].sort(), warm, end, unexpected: tally.unexpected.slice(0, 30), errors: tally.errors5xx.slice(0, 30), resets: tally.resets.slice(0, 30), output: server.output().slice(-3000) })
    return { name: NAME, ok: problems.length === 0, detail }
  } catch (error) {
    return { name: NAME, ok: false, detail: `${(error as Error).message.split('\n')[0]}${server ? ` | server: ${server.output().slice(-300)}` : ''}` }
  } finally {
    await server?.stop()
    await database.close()
    await dropDatabase(DATABASE)
  }
}
