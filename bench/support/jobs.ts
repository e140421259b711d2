import { allTenants, claimJobRun, finishJobRun, lastFinishedPeriod } from '../../db/repositories/jobs'
import type { Db } from '../../db/client'
import type { Clock } from '../../src/domain/clock'
import { JOBS, MAX_CATCH_UP_PERIODS } from '../../src/jobs/run-jobs'
import { tenantSuccessors } from '../../src/usecases/policy/successors'
import { shanghaiDate } from '../../src/time/shanghai'

/**
 * Records every job period due by the end of today as run, without running it: a server that has been up all day
 * already sent today's nudges and reminders. Without this, a freshly seeded server's first tick nudges all 20 000
 * doctors; on PGlite that holds the one engine for minutes before the server even listens, and the nudges would be
 * what the bench measures.
 */
export async function markTodaysJobsRun(db: Db, clock: Clock): Promise<number> {
  const today = shanghaiDate(clock.now())
  let marked = 0
  for (const tenant of await allTenants(db)) {
    const successors = await tenantSuccessors(db, tenant.id)
    for (const [name, job] of Object.entries(JOBS)) {
      const after = await lastFinishedPeriod(db, tenant.id, name)
      for (const period of job.duePeriods(after, shanghaiDate(tenant.createdAt), today, '23:59', successors).slice(-MAX_CATCH_UP_PERIODS)) {
        const id = await claimJobRun(db, { tenantId: tenant.id, job: name, periodKey: period, at: clock.now() })
        if (id) {
          await finishJobRun(db, id, clock.now())
          marked++
        }
      }
    }
  }
  return marked
}
