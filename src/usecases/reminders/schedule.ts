import { dueDates, POLICY_IDS, type DueDate, type Successor } from '../../../rules'
import { addDays, eachDay, nextMonth } from '../../time/days'
import { DEFAULT_REPORT_DAY } from '../report/deadline'

/** A doctor who has not checked in by 09:30 gets a nudge; earlier would nag people still on their way. */
export const NUDGE_TIME = '09:30'
/** Report and deadline reminders go out at the start of office hours. */
export const REMINDER_TIME = '09:00'
/** The report cycle: a reminder this many days before the due date, one on it, an overdue notice the day after. */
export const REPORT_REMINDER_DAYS_BEFORE = 3
/** Dated deadlines (year-end summaries, assessments) are announced this many days ahead. */
export const DEADLINE_REMINDER_DAYS_BEFORE = 7
/** Catch-up looks back at most this far: a longer outage is an incident for a person, not a job. */
const CATCH_UP_DAYS = 62

export const REPORT_STAGES = ['before', 'due', 'overdue'] as const
export type ReportStage = (typeof REPORT_STAGES)[number]


/** Whether a moment scheduled at `day` `at` has come by `today` `time` (all Asia/Shanghai). */
const hasCome = (day: string, at: string, today: string, time: string) => day < today || (day === today && time >= at)

/** `checkin-nudge`: each day from 09:30, from the day after the last run (or the deployment day). */
export function nudgePeriods(after: string | null, deployedOn: string, today: string, time: string): string[] {
  const last = time >= NUDGE_TIME ? today : addDays(today, -1)
  const floor = [deployedOn, addDays(today, -CATCH_UP_DAYS)].sort()[1]!
  const from = after && after >= floor ? addDays(after, 1) : floor
  return from <= last ? eachDay(from, last) : []
}

/** The report month's due date the schedule runs on (the 25th, 豫卫发〔2015〕2号 附件9; the deployment default elsewhere). */
export const reportDueDay = (month: string) => `${month}-${String(DEFAULT_REPORT_DAY).padStart(2, '0')}`

/** The day a stage of a month's report cycle goes out. */
export function reportStageDay(month: string, stage: ReportStage): string {
  const due = reportDueDay(month)
  return stage === 'before' ? addDays(due, -REPORT_REMINDER_DAYS_BEFORE) : stage === 'due' ? due : addDays(due, 1)
}

/** `report-reminder`: `YYYY-MM:before|due|overdue` — the keys sort in the order they run, so `after` bounds them. */
export function reportPeriods(after: string | null, deployedOn: string, today: string, time: string): string[] {
  const periods: string[] = []
  const floor = [deployedOn, addDays(today, -CATCH_UP_DAYS)].sort()[1]!
  for (let month = floor.slice(0, 7); month <= today.slice(0, 7); month = nextMonth(month)) {
    for (const stage of REPORT_STAGES) {
      const day = reportStageDay(month, stage)
      const key = `${month}:${stage}`
      if (day >= floor && hasCome(day, REMINDER_TIME, today, time) && (after === null || key > after)) periods.push(key)
    }
  }
  return periods
}

const datesCache = new Map<string, DueDate[]>()

/** Every pack's dated deadlines of a year except the monthly report, which the report cycle handles. */
export function datedDeadlines(year: number, successors: readonly Successor[] = []): { policyId: (typeof POLICY_IDS)[number]; date: DueDate }[] {
  return POLICY_IDS.flatMap((policyId) => {
    // A tenant's successors continue a pack's deadlines past its end; only the packs' own dates are shared.
    const own = successors.filter((s) => s.policy === policyId)
    const cacheKey = `${policyId}:${year}`
    let dates = own.length ? undefined : datesCache.get(cacheKey)
    if (!dates) {
      // A date before the text was issued could never have been reminded of; skip it rather than announce it late.
      dates = dueDates(policyId, year, own).dates.filter((d) => d.key !== 'monthlyReport' && !d.beforeIssuance)
      if (!own.length) datesCache.set(cacheKey, dates)
    }
    return dates.map((date) => ({ policyId, date }))
  })
}

/**
 * `deadline-reminder`: `<key>:<due>` for every pack's dated deadline whose reminder day (7 days before) has come and
 * whose due date has not passed. The keys do not sort by time, so the window bounds them and job_runs dedupes; the
 * run keeps only the tenant's policies. A deadline that passed during an outage is not announced after the fact.
 */
export function deadlinePeriods(_after: string | null, deployedOn: string, today: string, time: string, successors: readonly Successor[] = []): string[] {
  const horizon = addDays(today, DEADLINE_REMINDER_DAYS_BEFORE)
  const years = [...new Set([Number(today.slice(0, 4)), Number(horizon.slice(0, 4))])]
  const due = years
    .flatMap((year) => datedDeadlines(year, successors))
    .map(({ date }) => date)
    .filter((d) => {
      const remindOn = addDays(d.due, -DEADLINE_REMINDER_DAYS_BEFORE)
      return d.due >= today && remindOn >= deployedOn && hasCome(remindOn, REMINDER_TIME, today, time)
    })
    .sort((a, b) => (a.due === b.due ? a.key.localeCompare(b.key) : a.due < b.due ? -1 : 1))
  return [...new Set(due.map((d) => `${d.key}:${d.due}`))]
}
