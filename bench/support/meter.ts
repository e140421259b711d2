import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/** /proc counts CPU in clock ticks (`getconf CLK_TCK`, 100 on Linux almost always). */
const MS_PER_TICK = 1000 / (Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100)

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

/** utime + stime of a process in ms, or null once it is gone. The name may hold spaces: fields count from its `)`. */
export function processCpuMs(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`)
  if (!stat) return null
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK
}

export function rssBytes(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(read(`/proc/${pid}/status`) ?? '')?.[1] ?? 0) * 1024
}

/**
 * PostgreSQL's CPU on this machine for one database: its backends (the process title names the database) plus the
 * server's own processes (postmaster, WAL writer, checkpointer …), which serve every database, so other work on the
 * same server counts too. A backend that exits takes its last 100 ms with it; one born while metering counts from 0.
 */
function postgresCpu(database: string) {
  const base = new Map<number, number>()
  const last = new Map<number, number>()
  let pids: number[] = []
  let scannedAt = 0
  let started = false
  const ours = (pid: number) => {
    if (read(`/proc/${pid}/comm`)?.trim() !== 'postgres') return false
    const title = (read(`/proc/${pid}/cmdline`) ?? '').replaceAll('\0', ' ')
    const clientBackend = /\d+\.\d+\.\d+\.\d+\(\d+\)|\[local\]|autovacuum worker|parallel worker/.test(title)
    return !clientBackend || title.includes(` ${database} `) || title.endsWith(` ${database}`)
  }
  const sample = () => {
    // Listing /proc costs more than reading a few stat files: once a second is enough to see new backends.
    if (performance.now() - scannedAt > 1000) {
      pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter(ours)
      scannedAt = performance.now()
    }
    for (const pid of pids) {
      const ms = processCpuMs(pid)
      if (ms === null) continue
      if (!base.has(pid)) base.set(pid, started ? 0 : ms)
      last.set(pid, ms)
    }
    started = true
  }
  sample()
  return {
    sample,
    totalMs: () => {
      sample()
      let total = 0
      for (const [pid, ms] of last) total += ms - base.get(pid)!
      return total
    },
  }
}

export interface Reading {
  at: number
  /** CPU ms since the meter started. */
  serverMs: number
  postgresMs: number
  /** This (load generating) process, fake Feishu included. */
  clientMs: number
}

/**
 * Watches one server process: its peak RSS sampled every 100 ms, and CPU readings on demand, for it, for
 * PostgreSQL (`postgresDatabase`) and for the bench process itself.
 */
export function startMeter(pid: number, options: { postgresDatabase?: string } = {}) {
  const postgres = options.postgresDatabase ? postgresCpu(options.postgresDatabase) : null
  const server0 = processCpuMs(pid) ?? 0
  const client0 = process.cpuUsage()
  let peakRss = rssBytes(pid)
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, rssBytes(pid))
    postgres?.sample()
  }, 100)
  timer.unref()
  return {
    reading: (): Reading => {
      const client = process.cpuUsage(client0)
      return { at: performance.now(), serverMs: (processCpuMs(pid) ?? server0) - server0, postgresMs: postgres?.totalMs() ?? 0, clientMs: (client.user + client.system) / 1000 }
    },
    peakRss: () => peakRss,
    /**
     * RSS once the server is idle: under 5 % of a core and RSS moving under 1 MiB over a second (at most `maxMs`).
     * A server's first job tick can keep it busy for a while after it listens.
     */
    settledRss: async (maxMs = 180_000) => {
      const until = performance.now() + maxMs
      let [rss, cpu] = [rssBytes(pid), processCpuMs(pid) ?? 0]
      for (;;) {
        await new Promise((r) => setTimeout(r, 1000))
        const [rssNow, cpuNow] = [rssBytes(pid), processCpuMs(pid) ?? 0]
        if ((Math.abs(rssNow - rss) < 2 ** 20 && cpuNow - cpu < 50) || performance.now() > until) return rssNow
        ;[rss, cpu] = [rssNow, cpuNow]
      }
    },
    stop: () => clearInterval(timer),
  }
}

export type Meter = ReturnType<typeof startMeter>

export interface CpuSpan {
  wallMs: number
  serverMs: number
  postgresMs: number
  clientMs: number
}

export function between(a: Reading, b: Reading): CpuSpan {
  return { wallMs: b.at - a.at, serverMs: b.serverMs - a.serverMs, postgresMs: b.postgresMs - a.postgresMs, clientMs: b.clientMs - a.clientMs }
}

export interface CpuPerMessage {
  load: CpuSpan
  drain: CpuSpan
  /** Server CPU during the drain ÷ messages handled during it. */
  handlingMs: number
  /** (Server CPU during the load − handlingMs × messages handled during it) ÷ messages acknowledged. */
  ackMs: number
}

/** Splits the server's CPU between acknowledging and handling, from a load phase and the drain after it. */
export function cpuPerMessage(load: CpuSpan, drain: CpuSpan, counts: { acked: number; handledDuringLoad: number; handledDuringDrain: number }): CpuPerMessage {
  const handlingMs = drain.serverMs / counts.handledDuringDrain
  return { load, drain, handlingMs, ackMs: (load.serverMs - handlingMs * counts.handledDuringLoad) / counts.acked }
}

/** The machine's CPU time so far from /proc/stat, in ticks: all of it, and what the hypervisor took (steal). */
function machineTicks(): { total: number; stolen: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  // user nice system idle iowait irq softirq steal (guest time is already inside user).
  const total = fields.slice(0, 8).reduce((sum, n) => sum + n, 0)
  return { total, stolen: fields[7] ?? 0 }
}

/**
 * The share of the machine's CPU time the hypervisor took from it since this call (steal, as vmstat's `st`): on a
 * shared VM it varies from run to run, and every rate of a run moves with it.
 */
export function stealMeter(): () => number {
  const start = machineTicks()
  return () => {
    const now = machineTicks()
    const total = now.total - start.total
    return total > 0 ? (now.stolen - start.stolen) / total : 0
  }
}
