import { safeErrorText } from '../../db/database'
import type { UseCaseDeps } from '../usecases/deps'
import { runDueJobs } from './run-jobs'

/** How often the server looks for due job periods; a period runs once whoever looks first. */
export const JOB_TICK_MS = 60_000

/**
 * Runs due jobs on a timer inside the Node server. Each tick asks which periods are due, so a missed tick (a
 * restart, a busy database) is caught up by the next one; the Worker's scheduled() calls runDueJobs the same way.
 */
export function startJobTicker(deps: UseCaseDeps, afterRun: () => void, intervalMs = JOB_TICK_MS) {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      const reports = await runDueJobs(deps)
      if (reports.length) {
        console.log(JSON.stringify({ level: 'info', job: 'tick', ran: reports.map((r) => `${r.tenantId}/${r.job}/${r.period}`) }))
        afterRun()
      }
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', job: 'tick', message: safeErrorText(error) }))
    } finally {
      running = false
    }
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  void tick()
  return { stop: () => clearInterval(timer) }
}
