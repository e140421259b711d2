/**
 * Where the embedded default's memory goes: RSS, V8 heap and buffers of this process as it opens PGlite, migrates
 * and seeds 20 000 doctors into a temporary data directory, then of a bare Node + tsx process, and of the real
 * server (`src/server.ts`, cwd in that directory so it opens its ./.data/pglite) idle and through signed check-ins.
 *
 *   npx tsx bench/pglite-memory.ts [--check-ins 5000] [--connections 20]
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { Agent } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Db, openDatabase } from '../db/client'
import { allTenants, claimJobRun, finishJobRun, lastFinishedPeriod } from '../db/repositories/jobs'
import { JOBS } from '../src/jobs/run-jobs'
import { tenantSuccessors } from '../src/usecases/policy/successors'
import { shanghaiDate, shanghaiTime } from '../src/time/shanghai'
import { migrate } from '../db/migrate'
import { systemClock } from '../src/domain/clock'
import { FEISHU_ENV, messageEvent, startFakeFeishu } from '../test/support/feishu'
import { type Prepared, send } from './load'
import { benchOpenId, seedDoctors } from './support/doctors'
import { signedFeishuEvent } from './webhook'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TSX = import.meta.resolve('tsx')
const PROBE = import.meta.resolve('./support/memory-probe.ts')
const DOCTORS = 20_000
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const CHECK_INS = arg('check-ins', 5000)
const CONNECTIONS = arg('connections', 20)

interface Reading {
  rss: number
  heapUsed?: number
  external?: number
  arrayBuffers?: number
}
const mb = (n: number | undefined) => (n === undefined ? '     -' : (n / 2 ** 20).toFixed(0).padStart(6))
const children: ChildProcess[] = []
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')))
const rows: { stage: string; reading: Reading }[] = []
function record(stage: string, reading: Reading) {
  rows.push({ stage, reading })
  console.log(`${stage.padEnd(44)} rss ${mb(reading.rss)} MB  heapUsed ${mb(reading.heapUsed)}  external ${mb(reading.external)}  arrayBuffers ${mb(reading.arrayBuffers)}`)
}
const self = (): Reading => {
  const m = process.memoryUsage()
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers }
}
const vmRss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A Node process with tsx and the probe loaded, started in `cwd`; its output is kept to find lines in. */
function startNode(args: string[], cwd: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', TSX, '--import', PROBE, ...args], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const waitFor = async (pattern: RegExp, from = 0): Promise<RegExpExecArray> => {
    const deadline = Date.now() + 60_000
    for (;;) {
      const found = pattern.exec(output.slice(from))
      if (found) return found
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} from ${args.join(" ")} (exit ${child.exitCode} ${child.signalCode}):\n${output}`)
      await pause(50)
    }
  }
  /** Its own memoryUsage (through the probe) with /proc's RSS. */
  const read = async (): Promise<Reading> => {
    const from = output.length
    child.kill('SIGUSR2')
    const line = await waitFor(/memory (\{.*\})\n/, from)
    return { ...(JSON.parse(line[1]!) as Reading), rss: vmRss(child.pid!) }
  }
  const stop = async (child_: ChildProcess = child) => {
    if (child_.exitCode !== null) return
    child_.kill('SIGTERM')
    await new Promise((r) => child_.once('exit', r))
  }
  return { child, waitFor, read, stop, output: () => output }
}

// --dir keeps the seeded directory for the next run, which then measures only the processes.
const kept = process.argv.indexOf('--dir') > 0 ? resolve(process.argv[process.argv.indexOf('--dir') + 1]!) : null
const dir = kept ?? mkdtempSync(join(tmpdir(), 'duikou-memory-'))
const dataDir = resolve(dir, '.data/pglite')
try {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await seed()

  const bare = startNode(['-e', 'setInterval(() => {}, 1000); console.log("ready")'], dir, {})
  await bare.waitFor(/ready/)
  await pause(1000)
  record('bare node + tsx', await bare.read())
  await bare.stop()

  const modules = startNode(['-e', `await import(${JSON.stringify(join(ROOT, 'src/node-app.ts'))}); await import(${JSON.stringify(join(ROOT, 'db/client.ts'))}); setInterval(() => {}, 1000); console.log("ready")`, '--input-type=module'], dir, {})
  await modules.waitFor(/ready/)
  await pause(1000)
  record("node + tsx + server's modules, nothing open", await modules.read())
  await modules.stop()

  const feishu = await startFakeFeishu()
  const server = startNode([join(ROOT, 'src/server.ts')], dir, { ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url, FEISHU_DEFAULT_TENANT: 'demo' })
  const port = (await server.waitFor(/listening on http:\/\/[^\s:]+:(\d+)/))[1]!
  await pause(3000)
  record('server: idle after start', await server.read())

  if (CHECK_INS > 0) await load(server, port, feishu)
  await server.stop()
  await feishu.close()
} finally {
  if (!kept) rmSync(dir, { recursive: true, force: true })
}

async function load(server: ReturnType<typeof startNode>, port: string, feishu: Awaited<ReturnType<typeof startFakeFeishu>>) {
  const path = '/webhooks/feishu/events'
  const ready: Prepared[] = Array.from({ length: CHECK_INS }, (_, k) => signedFeishuEvent(path, messageEvent({ openId: benchOpenId(k % DOCTORS), text: '签到' })))
  let next = 0
  let peak = 0
  let failed = 0
  const sampler = setInterval(() => (peak = Math.max(peak, vmRss(server.child.pid!))), 100)
  const base = new URL(`http://127.0.0.1:${port}`)
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < ready.length) if ((await send(agent, base, ready[next++]!)) !== 200) failed++
    }),
  )
  const ackSeconds = (performance.now() - started) / 1000
  agent.destroy()
  record(`server: ${CHECK_INS} check-ins acknowledged`, await server.read())
  while (feishu.delivered.length < CHECK_INS && performance.now() - started < 300_000) await pause(200)
  clearInterval(sampler)
  const handledSeconds = (performance.now() - started) / 1000
  console.log(`${CHECK_INS} check-ins, ${CONNECTIONS} connections: acknowledged in ${ackSeconds.toFixed(1)} s (${failed} not 200), ${feishu.delivered.length} replies after ${handledSeconds.toFixed(1)} s`)
  record('server: peak during load (VmRSS every 100 ms)', { rss: peak })
  await pause(3000)
  record('server: settled after load', await server.read())
}

async function seed() {
  record('this process: start', self())
  const database = await openDatabase({ driver: 'pglite', dataDir })
  record('this process: PGlite open', self())
  await migrate(database)
  record('this process: migrated', self())
  await seedDoctors(database.db, systemClock, DOCTORS)
  record(`this process: ${DOCTORS} doctors seeded`, self())
  await markJobsDone(database.db)
  await database.close()
}

/**
 * Records every due job period as done without running it: on 20 000 doctors the evening's nudges and sweeps keep
 * a fresh server busy for minutes before it even listens, and this bench measures it idle and under check-ins.
 */
async function markJobsDone(db: Db) {
  const today = shanghaiDate(systemClock.now())
  for (const tenant of await allTenants(db)) {
    const successors = await tenantSuccessors(db, tenant.id)
    for (const [name, job] of Object.entries(JOBS)) {
      const after = await lastFinishedPeriod(db, tenant.id, name)
      for (const period of job.duePeriods(after, shanghaiDate(tenant.createdAt), today, shanghaiTime(systemClock.now()), successors)) {
        const runId = await claimJobRun(db, { tenantId: tenant.id, job: name, periodKey: period, at: systemClock.now() })
        if (runId) await finishJobRun(db, runId, systemClock.now())
      }
    }
  }
}
