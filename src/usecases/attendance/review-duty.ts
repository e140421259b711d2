import type { Db } from '../../../db/client'
import { officeFor, postingsCovering, type RunningPosting } from '../../../db/repositories/absences'
import { countCheckedInDaysBetween } from '../../../db/repositories/attendance'
import { overridesForYear } from '../../../db/repositories/calendar'
import { approvedLeaveDays } from '../../../db/repositories/leave'
import { citation, type DutyPattern, type Source } from '../../../rules'
import { eachDay } from '../../time/days'
import { calendarDay } from '../../time/calendar'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { tenantSuccessors } from '../policy/successors'
import { dutyOf } from './duty'

export type ReviewScope = 'week' | 'month'

/** Patterns judged over a week or a month rather than day by day (daily ones are the sweep's). */
const SCOPE_OF: Partial<Record<DutyPattern['kind'], ReviewScope>> = { visitsPerWeek: 'week', daysPerMonth: 'month', weeksPerMonth: 'month' }

/**
 * After a week or a month: postings whose duty is “≥2 visits a week” (Yantai roving), “≥3 days a month” (331) or
 * “≥1 week on site a month” (Sichuan associate-senior) are measured over the whole period; a shortfall is told to
 * the doctor and the office with the clause. Postings on leave for the whole period, or not on post for all of it,
 * are not judged. A period is reviewed once (job_runs) and each notice is keyed per posting and period.
 */
export async function reviewDuty(deps: UseCaseDeps, input: { tenantId: string; scope: ReviewScope; from: string; to: string }) {
  const now = deps.clock.now()
  let judged = 0
  let short = 0
  const successors = await tenantSuccessors(deps.db, input.tenantId)
  for (const posting of await postingsCovering(deps.db, input.tenantId, input.from, input.to)) {
    const duty = dutyOf(posting, input.from, successors)
    if (!duty.known || SCOPE_OF[duty.pattern.kind] !== input.scope) continue
    const leave = await approvedLeaveDays(deps.db, posting.id)
    if (leave.some((l) => l.startsOn <= input.from && (l.returnedOn ?? l.endsOn) >= input.to)) continue
    judged++
    const { achieved, required, unit } = await measure(deps.db, input, posting.id, duty.pattern)
    if (achieved >= required) continue
    short++
    const reply = shortfallNotice(posting, input, { achieved, required, unit, text: duty.text, source: duty.source })
    const recipients = [posting.personId, ...(await officeFor(deps.db, input.tenantId, posting.receivingOrgId))]
    for (const personId of new Set(recipients)) {
      await notifyPerson(deps.db, { tenantId: input.tenantId, personId, prefer: 'feishu', reply, key: `shortfall:${posting.id}:${input.from}:${personId}`, at: now })
    }
  }
  return { judged, short }
}

async function measure(db: Db, period: { tenantId: string; from: string; to: string }, postingId: string, pattern: DutyPattern) {
  const daysOnSite = await countCheckedInDaysBetween(db, postingId, period.from, period.to)
  if (pattern.kind === 'visitsPerWeek') return { achieved: daysOnSite, required: pattern.min, unit: '次' }
  if (pattern.kind === 'daysPerMonth') return { achieved: daysOnSite, required: pattern.min, unit: '次' }
  if (pattern.kind !== 'weeksPerMonth') return { achieved: 0, required: 0, unit: '' }
  // A week on site: checked in on every workday of that week that falls in the month.
  const overrides = await overridesForYear(db, period.tenantId, Number(period.from.slice(0, 4)))
  let weeks = 0
  for (const week of weeksOf(period.from, period.to)) {
    const workdays = week.filter((d) => calendarDay(d, overrides.entries, overrides.entered).status === 'workday')
    if (workdays.length === 0) continue
    const present = await countCheckedInDaysBetween(db, postingId, week[0]!, week.at(-1)!)
    if (present >= workdays.length) weeks++
  }
  return { achieved: weeks, required: pattern.minWeeksPerMonth, unit: '周' }
}

/** The month's days split at Mondays. */
function weeksOf(from: string, to: string): string[][] {
  const weeks: string[][] = []
  for (const day of eachDay(from, to)) {
    if (weeks.length === 0 || new Date(`${day}T00:00:00Z`).getUTCDay() === 1) weeks.push([])
    weeks.at(-1)!.push(day)
  }
  return weeks
}

function shortfallNotice(
  p: RunningPosting,
  period: { scope: ReviewScope; from: string; to: string },
  m: { achieved: number; required: number; unit: string; text: string; source: Source },
) {
  const when = period.scope === 'week' ? `${period.from} 至 ${period.to} 这一周` : `${period.from.slice(0, 7)} 月`
  return {
    tone: 'warning' as const,
    title: '驻点要求未达到',
    text: `${p.personName}（${p.supportingOrgName} 派驻 ${p.receivingOrgName}）${when}到岗 ${m.achieved}/${m.required} ${m.unit}，未达到“${m.text}”。\n依据：${citation(m.source)}：“${m.source.quote}”\n如有请假或公务外出未登记，请补办请假或补卡。`,
  }
}
