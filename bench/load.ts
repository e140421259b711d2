import { Agent, request } from 'node:http'

/** One request as it goes on the wire; bodies are built before a phase so the client's crypto is not measured. */
export interface Prepared {
  path: string
  headers: Record<string, string>
  body: string
}

export interface PhaseResult {
  mode: 'closed' | 'open'
  /** connections (closed loop) or offered events/s (open loop) */
  level: number
  sent: number
  ok: number
  errors: number
  seconds: number
  perSecond: number
  p50Ms: number
  p99Ms: number
  maxMs: number
}

/** One request; resolves to the status, or 0 when the connection failed or no answer came within `timeoutMs`. */
export function send(agent: Agent, base: URL, r: Prepared, timeoutMs?: number): Promise<number> {
  return new Promise((resolve) => {
    let deadline: NodeJS.Timeout | undefined
    const done = (status: number) => {
      clearTimeout(deadline)
      resolve(status)
    }
    const req = request(
      { agent, host: base.hostname, port: base.port, path: r.path, method: 'POST', headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) }, timeout: timeoutMs },
      (res) => {
        res.resume()
        res.on('end', () => done(res.statusCode ?? 0))
        res.on('error', () => done(0))
      },
    )
    // A hard deadline, not only the socket's idle timeout: an answer that trickles in late is still late.
    if (timeoutMs) deadline = setTimeout(() => req.destroy(), timeoutMs)
    req.on('error', () => done(0))
    req.on('timeout', () => req.destroy())
    req.end(r.body)
  })
}

function summarise(mode: PhaseResult['mode'], level: number, latencies: number[], statuses: number[], seconds: number): PhaseResult {
  const sorted = Float64Array.from(latencies).sort()
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : Number.NaN)
  const ok = statuses.filter((s) => s >= 200 && s < 300).length
  return {
    mode,
    level,
    sent: statuses.length,
    ok,
    errors: statuses.length - ok,
    seconds,
    perSecond: ok / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  }
}

/** `connections` clients each send their next request as soon as the last one is answered: saturation throughput. */
export async function closedLoop(target: string, next: () => Prepared, connections: number, durationMs: number): Promise<PhaseResult> {
  const base = new URL(target)
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  const latencies: number[] = []
  const statuses: number[] = []
  const started = performance.now()
  const until = started + durationMs
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now()
        statuses.push(await send(agent, base, next()))
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  return summarise('closed', connections, latencies, statuses, seconds)
}

/**
 * Requests leave on a fixed schedule whether or not earlier ones were answered, and latency counts from the
 * scheduled moment, so a slow server cannot slow the clock that measures it (no coordinated omission).
 */
export async function openLoop(target: string, next: () => Prepared, ratePerSecond: number, durationMs: number): Promise<PhaseResult> {
  const base = new URL(target)
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 })
  const latencies: number[] = []
  const statuses: number[] = []
  const total = Math.round((ratePerSecond * durationMs) / 1000)
  const interval = 1000 / ratePerSecond
  const started = performance.now()
  const inFlight: Promise<void>[] = []
  for (let i = 0; i < total; i++) {
    const due = started + i * interval
    const wait = due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    inFlight.push(
      send(agent, base, next()).then((status) => {
        statuses.push(status)
        latencies.push(performance.now() - due)
      }),
    )
  }
  await Promise.all(inFlight)
  const seconds = Math.max(durationMs, performance.now() - started) / 1000
  agent.destroy()
  return summarise('open', ratePerSecond, latencies, statuses, seconds)
}

export interface FeishuLoopResult {
  /** performance.now() each request was scheduled for. */
  due: number[]
  /** performance.now() of each request's first 2xx answer, over all its copies; null if none came. */
  ackedAt: (number | null)[]
  /** Copies sent again because the one before got no 2xx within the deadline. */
  retries: number
  /** Every copy's outcome by HTTP status, 0 for no answer within the deadline (or a failed connection). */
  statuses: Record<number, number>
  seconds: number
}

/**
 * An open loop whose client behaves like Feishu: a copy not answered 2xx within `timeoutMs` is sent again, the same
 * signed bytes, after each of `retryDelaysMs` in turn (Feishu: 15 s, 5 min, 1 h, 6 h). Latency counts from the
 * scheduled moment to the first 2xx of any copy.
 */
export async function feishuOpenLoop(target: string, requests: Prepared[], ratePerSecond: number, options: { timeoutMs: number; retryDelaysMs: number[] }): Promise<FeishuLoopResult> {
  const base = new URL(target)
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 })
  const interval = 1000 / ratePerSecond
  const due: number[] = []
  const ackedAt: (number | null)[] = requests.map(() => null)
  let retries = 0
  const statuses: Record<number, number> = {}
  const started = performance.now()
  const inFlight: Promise<void>[] = []
  for (const [i, r] of requests.entries()) {
    due[i] = started + i * interval
    const wait = due[i]! - performance.now()
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
    inFlight.push(
      (async () => {
        for (let attempt = 0; attempt <= options.retryDelaysMs.length; attempt++) {
          if (attempt > 0) {
            await new Promise((resolve) => setTimeout(resolve, options.retryDelaysMs[attempt - 1]))
            retries++
          }
          const status = await send(agent, base, r, options.timeoutMs)
          statuses[status] = (statuses[status] ?? 0) + 1
          if (status >= 200 && status < 300) {
            ackedAt[i] = performance.now()
            return
          }
        }
      })(),
    )
  }
  await Promise.all(inFlight)
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  return { due, ackedAt, retries, statuses, seconds }
}

/** The value at quantile `q` (0–1) of `values`, NaN for none. */
export function quantile(values: number[], q: number): number {
  const sorted = Float64Array.from(values).sort()
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : Number.NaN
}
