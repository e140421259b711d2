import { safeErrorText } from '../../db/database'
import { GAVE_UP_AT } from '../../db/repositories/outbox'

/**
 * Runs `runOnce` when kicked and on a timer, one run at a time; a kick during a run, or a run that says more is
 * waiting, runs it again at once. Used by the inbox and the outbox workers.
 */
export function startWorkerLoop(job: string, runOnce: () => Promise<{ more: boolean }>, intervalMs: number) {
  let running: Promise<void> | null = null
  let again = false
  const run = () => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        try {
          if ((await runOnce()).more) again = true
        } catch (error) {
          console.error(JSON.stringify({ level: 'error', job, message: safeErrorText(error) }))
        }
      } while (again)
    })().finally(() => {
      running = null
    })
    return running
  }
  const timer = setInterval(run, intervalMs)
  timer.unref()
  void run()
  return {
    kick: () => void run(),
    /** Waits for the run in progress; for shutdown and tests. */
    idle: async () => {
      while (running) await running
    },
    stop: () => clearInterval(timer),
  }
}

/** Each key's items one after another, up to `parallel` keys at a time; `work` returning false skips the key's rest. */
export async function inOrderByKey<T>(items: T[], keyOf: (item: T) => string, parallel: number, work: (item: T, later: T[]) => Promise<boolean>) {
  const queues = new Map<string, T[]>()
  for (const item of items) queues.set(keyOf(item), [...(queues.get(keyOf(item)) ?? []), item])
  const pending = [...queues.values()]
  const lane = async () => {
    for (let queue = pending.shift(); queue; queue = pending.shift()) {
      for (const [index, item] of queue.entries()) if (!(await work(item, queue.slice(index + 1)))) break
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, pending.length) }, lane))
}

const BACKOFF_BASE_MS = 1_000
const BACKOFF_MAX_MS = 10 * 60_000

/** Exponential backoff after the `attempts`-th failure (1 s, 2 s, 4 s … 10 min), or never again. */
export function retryAt(now: Date, attempts: number, options: { giveUp: boolean; atLeastMs?: number }): Date {
  if (options.giveUp) return GAVE_UP_AT
  const backoff = Math.min(BACKOFF_BASE_MS * 2 ** (attempts - 1), BACKOFF_MAX_MS)
  return new Date(now.getTime() + Math.max(backoff, options.atLeastMs ?? 0))
}
