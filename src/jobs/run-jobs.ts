import { allTenants, claimJobRun, finishJobRun, lastFinishedPeriod } from '../../db/repositories/jobs'
import { shanghaiDate, shanghaiTime } from '../time/shanghai'
import { addDays, eachDay } from '../time/days'
import type { UseCaseDeps } from '../usecases/deps'
import { reviewDuty } from '../usecases/attendance/review-duty'
import { lastDayOf } from '../time/days'
import { monthPeriods, sundayAfter, weekPeriods } from '../usecases/attendance/review-schedule'
import { reviewPostingEnd } from '../usecases/attendance/posting-end'
import { sweepDay } from '../usecases/attendance/sweep-day'
import { warnCliffs } from '../usecases/calendar/warn-cliffs'
import { nudgeCheckIn } from '../usecases/reminders/nudge-check-in'
import { notifyUnverified } from '../usecases/reminders/notify-unverified'
import { CHECK_OUT_REMINDER_TIME, remindCheckOut } from '../usecases/reminders/remind-check-out'
import { remindDeadline } from '../usecases/reminders/remind-deadline'
import { remindMonthlyReport } from '../usecases/reminders/remind-monthly-report'
import { deadlinePeriods, nudgePeriods, reportPeriods } from '../usecases/reminders/schedule'
import { noticeReady, noticeShortfalls } from '../usecases/compliance/notice-shortfalls'
import { tenantSuccessors } from '../usecases/policy/successors'
import type { Successor } from '../../rules'

/** The most periods one run catches up, so a long outage cannot turn one tick into an unbounded loop. */
export const MAX_CATCH_UP_PERIODS = 62

interface Job {
  /** Periods that are due at `today` and wall-clock `time` (`HH:MM`, both Asia/Shanghai), oldest first. */
  /** `successors`: the tenant's successor documents, for jobs whose periods come from a pack's dates. */
  duePeriods(after: string | null, deployedOn: string, today: string, time: string, successors: readonly Successor[]): string[]
  run(deps: UseCaseDeps, tenantId: string, period: string): Promise<unknown>
  /** For a job whose day depends on the tenant's calendar: whether a due period may run yet (later ones wait too). */
  ready?(deps: UseCaseDeps, tenantId: string, period: string): Promise<boolean>
}


/** Days that are over by `today`, from the day after the last run (or the deployment day). */
function finishedDays(after: string | null, deployedOn: string, today: string): string[] {
  const last = addDays(today, -1)
  const from = after && after >= deployedOn ? eachDay(after, last)[1] : deployedOn
  return from && from <= last ? eachDay(from, last) : []
}

/** Jobs by name. A day is swept once it is over, so the sweep for D runs from D+1 00:00 Asia/Shanghai. */
export const JOBS: Record<string, Job> = {
  'attendance-sweep': { duePeriods: finishedDays, run: (deps, tenantId, day) => sweepDay(deps, { tenantId, day }) },
  // The day after a posting's last day: whether it met its minimum length (and Sichuan's 12 weeks), told once.
  'posting-end': { duePeriods: finishedDays, run: (deps, tenantId, day) => reviewPostingEnd(deps, { tenantId, day }) },
  // On a half-day pattern, a check-in without a check-out is reminded of once that evening; a missed evening is not
  // caught up (a reminder about a day that is over would only confuse).
  'checkout-reminder': {
    duePeriods: (after, deployedOn, today, time) =>
      today >= deployedOn && time >= CHECK_OUT_REMINDER_TIME && (after === null || after < today) ? [today] : [],
    run: (deps, tenantId, day) => remindCheckOut(deps, { tenantId, day }),
  },
  // Warnings before judging stops (a year without holidays, a policy's end): looked at once a day; a missed day is
  // not caught up, because the next day looks again and each warning is sent once.
  'cliff-warning': {
    duePeriods: (after, deployedOn, today) => (today >= deployedOn && (after === null || after < today) ? [today] : []),
    run: (deps, tenantId, day) => warnCliffs(deps, { tenantId, day }),
  },
  // Reminders: a day from 09:30; the report cycle and dated deadlines from 09:00 (usecases/reminders/schedule.ts).
  'checkin-nudge': { duePeriods: nudgePeriods, run: (deps, tenantId, day) => nudgeCheckIn(deps, { tenantId, day }) },
  // 待核实 days: the doctor is asked once and the receiving org's approvers get the day's digest, with the nudge.
  'unverified-notice': { duePeriods: nudgePeriods, run: (deps, tenantId, day) => notifyUnverified(deps, { tenantId, day }) },
  'report-reminder': { duePeriods: reportPeriods, run: (deps, tenantId, period) => remindMonthlyReport(deps, { tenantId, period }) },
  'deadline-reminder': { duePeriods: deadlinePeriods, run: (deps, tenantId, period) => remindDeadline(deps, { tenantId, period }) },
  // Weekly and monthly duty patterns (visits a week, days or weeks a month) are judged once the period is over.
  'duty-review-week': {
    duePeriods: (after, deployedOn, today) => weekPeriods(after, deployedOn, today),
    run: (deps, tenantId, monday) => reviewDuty(deps, { tenantId, scope: 'week', from: monday, to: sundayAfter(monday) }),
  },
  'duty-review-month': {
    duePeriods: (after, deployedOn, today) => monthPeriods(after, deployedOn, today),
    run: (deps, tenantId, month) => reviewDuty(deps, { tenantId, scope: 'month', from: `${month}-01`, to: lastDayOf(month) }),
  },
  // 达标: each office hears on the first workday of a month which of its receiving orgs fell short the month before.
  'compliance-notice': {
    duePeriods: (after, deployedOn, today) => monthPeriods(after, deployedOn, today),
    ready: (deps, tenantId, month) => noticeReady(deps, tenantId, month),
    run: (deps, tenantId, month) => noticeShortfalls(deps, { tenantId, period: month }),
  },
}

export interface JobRunReport {
  tenantId: string
  job: string
  period: string
  result: unknown
}

/**
 * Runs every period of every job that is due and has not run, oldest first — after downtime the missed periods
 * run once each, never twice (a period is claimed in job_runs), never before the tenant was deployed.
 */
export async function runDueJobs(deps: UseCaseDeps, options: { only?: string } = {}): Promise<JobRunReport[]> {
  const today = shanghaiDate(deps.clock.now())
  const reports: JobRunReport[] = []
  for (const tenant of await allTenants(deps.db)) {
    const deployedOn = shanghaiDate(tenant.createdAt)
    const successors = await tenantSuccessors(deps.db, tenant.id)
    for (const [name, job] of Object.entries(JOBS)) {
      if (options.only && options.only !== name) continue
      const after = await lastFinishedPeriod(deps.db, tenant.id, name)
      for (const period of job.duePeriods(after, deployedOn, today, shanghaiTime(deps.clock.now()), successors).slice(-MAX_CATCH_UP_PERIODS)) {
        if (job.ready && !(await job.ready(deps, tenant.id, period))) break
        // Claim, work and finish commit together: a run that fails leaves the period to the next tick.
        const report = await deps.db.transaction(async (tx) => {
          const runId = await claimJobRun(tx, { tenantId: tenant.id, job: name, periodKey: period, at: deps.clock.now() })
          if (!runId) return null
          const result = await job.run({ ...deps, db: tx }, tenant.id, period)
          await finishJobRun(tx, runId, deps.clock.now())
          return { tenantId: tenant.id, job: name, period, result }
        })
        if (report) reports.push(report)
      }
    }
  }
  return reports
}
