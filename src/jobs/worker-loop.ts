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

/** Items grouped by key, each group in the items' order, groups in the order their keys first appear. */
export function groupByKey<T>(items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  return [...groups.values()]
}

/** `run` over every unit, up to `parallel` at a time. */
export async function inLanes<T>(units: T[], parallel: number, run: (unit: T) => Promise<void>) {
  const pending = [...units]
  const lane = async () => {
    for (let unit = pending.shift(); unit !== undefined; unit = pending.shift()) await run(unit)
  }
  await Promise.all(Array.from({ length: Math.min(parallel, pending.length) }, lane))
}

/** One key's items one after another; `work` returning false skips the rest. */
export async function inOrder<T>(queue: T[], work: (item: T, later: T[]) => Promise<boolean>) {
  for (const [index, item] of queue.entries()) if (!(await work(item, queue.slice(index + 1)))) break
}

/** Each key's items one after another, up to `parallel` keys at a time; `work` returning false skips the key's rest. */
export async function inOrderByKey<T>(items: T[], keyOf: (item: T) => string, parallel: number, work: (item: T, later: T[]) => Promise<boolean>) {
  await inLanes(groupByKey(items, keyOf), parallel, (queue) => inOrder(queue, work))
}

const BACKOFF_BASE_MS = 1_000
const BACKOFF_MAX_MS = 10 * 60_000

/** Exponential backoff after the `attempts`-th failure (1 s, 2 s, 4 s … 10 min), or never again. */
export function retryAt(now: Date, attempts: number, options: { giveUp: boolean; atLeastMs?: number }): Date {
  if (options.giveUp) return GAVE_UP_AT
  const backoff = Math.min(BACKOFF_BASE_MS * 2 ** (attempts - 1), BACKOFF_MAX_MS)
  return new Date(now.getTime() + Math.max(backoff, options.atLeastMs ?? 0))
}
