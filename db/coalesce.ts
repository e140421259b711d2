/**
 * Joins concurrent writes into one statement: while `inFlight` flushes run, new items wait and go together in the
 * next one. A lone item goes at once, so at low load nothing waits; under load, one commit serves many callers.
 * Every caller is answered only after its own flush committed (or is given that flush's error).
 */
export function coalesce<T>(flush: (items: T[]) => Promise<void>, options: { maxBatch: number; inFlight: number }) {
  let waiting: { item: T; settle: (error?: unknown) => void }[] = []
  let running = 0
  let quietWaiters: (() => void)[] = []
  let idleSince = performance.now()

  const next = () => {
    if (running === 0 && waiting.length === 0) {
      idleSince = performance.now()
      const woken = quietWaiters
      quietWaiters = []
      for (const wake of woken) wake()
    }
    if (running >= options.inFlight || waiting.length === 0) return
    const batch = waiting.slice(0, options.maxBatch)
    waiting = waiting.slice(batch.length)
    running++
    flush(batch.map((w) => w.item)).then(
      () => batch.forEach((w) => w.settle()),
      (error: unknown) => batch.forEach((w) => w.settle(error ?? new Error('flush failed'))),
    ).finally(() => {
      running--
      next()
    })
  }

  const write = (item: T): Promise<void> =>
    new Promise((resolve, reject) => {
      waiting.push({ item, settle: (error) => (error === undefined ? resolve() : reject(error)) })
      next()
    })
  /**
   * Resolves once no write waits or runs, and none has for `gapMs`, or after `maxWaitMs` whatever the writes do. The gap
   * tells a burst (writes one right after another) from a lull.
   */
  const quiet = (maxWaitMs: number, gapMs = 0): Promise<void> => {
    const deadline = performance.now() + maxWaitMs
    return new Promise((resolve) => {
      const check = () => {
        const now = performance.now()
        if (now >= deadline || (running === 0 && waiting.length === 0 && now - idleSince >= gapMs)) return resolve()
        if (running === 0 && waiting.length === 0) return void setTimeout(check, Math.min(deadline - now, gapMs - (now - idleSince)))
        const timer = setTimeout(check, deadline - now)
        quietWaiters.push(() => {
          clearTimeout(timer)
          check()
        })
      }
      check()
    })
  }
  const idle = () => running === 0 && waiting.length === 0
  return Object.assign(write, { quiet, idle })
}
