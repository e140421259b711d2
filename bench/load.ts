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
    const req = request(
      { agent, host: base.hostname, port: base.port, path: r.path, method: 'POST', headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) }, timeout: timeoutMs },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
        res.on('error', () => resolve(0))
      },
    )
    req.on('error', () => resolve(0))
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
