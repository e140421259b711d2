/** At most `max` sends in any `ms` milliseconds. */
export interface RateWindow {
  ms: number
  max: number
}

/**
 * A sliding-window log per key (one key per recipient). `take` counts a send and returns 0 when it fits every
 * window, else how many milliseconds until it would, counting nothing. Kept in process memory: each instance
 * holds itself to the limit, which is exact for the single Node process a county runs.
 */
export function slidingWindowLimiter(windows: RateWindow[]) {
  const longest = Math.max(...windows.map((w) => w.ms))
  const logs = new Map<string, number[]>()
  return {
    take(key: string, now: number): number {
      const log = (logs.get(key) ?? []).filter((t) => t > now - longest)
      let waitMs = 0
      for (const w of windows) {
        const inWindow = log.filter((t) => t > now - w.ms)
        // The send that would free a place is the max-th from the end; it leaves the window at its time + ms.
        if (inWindow.length >= w.max) waitMs = Math.max(waitMs, inWindow[inWindow.length - w.max]! + w.ms - now)
      }
      if (waitMs === 0) log.push(now)
      if (log.length) logs.set(key, log)
      else logs.delete(key)
      return waitMs
    },
  }
}
