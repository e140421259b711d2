import { officeFor, postingsCovering, type RunningPosting } from '../../../db/repositories/absences'
import { tenantSettings } from '../../../db/repositories/verifications'
import { approvedLeaveDays } from '../../../db/repositories/leave'
import { citation, type DutyPattern, type Source } from '../../../rules'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { tenantSuccessors } from '../policy/successors'
import { dutyOf } from './duty'
import { measureDuty, type Measured } from './measure-duty'

export type ReviewScope = 'week' | 'month'

/** Patterns judged over a week or a month rather than day by day (daily ones are the sweep's). */
const SCOPE_OF: Partial<Record<DutyPattern['kind'], ReviewScope>> = { daysPerWeek: 'week', visitsPerWeek: 'week', daysPerMonth: 'month', weeksPerMonth: 'month' }

/**
 * After a week or a month: postings whose duty is “≥5 days a week, ≥ half a day each” (Yantai village 派驻),
 * “≥2 visits a week” (Yantai roving), “≥3 days a month” (331) or
 * “≥1 week on site a month” (Sichuan associate-senior) are measured over the whole period; a shortfall is told to
 * the doctor and the office with the clause. Postings on leave for the whole period, or not on post for all of it,
 * are not judged. Where the pattern asks for 半天, a day counts only with a 签退 the tenant's hours after 签到 (the
 * deployment's reading, said in the notice). A period is reviewed once (job_runs) and each notice is keyed per posting and period.
 */
export async function reviewDuty(deps: UseCaseDeps, input: { tenantId: string; scope: ReviewScope; from: string; to: string }) {
  const now = deps.clock.now()
  let judged = 0
  let short = 0
  const successors = await tenantSuccessors(deps.db, input.tenantId)
  const { halfDayHours } = await tenantSettings(deps.db, input.tenantId)
  for (const posting of await postingsCovering(deps.db, input.tenantId, input.from, input.to)) {
    const duty = dutyOf(posting, input.from, successors)
    if (!duty.known || SCOPE_OF[duty.pattern.kind] !== input.scope) continue
    const leave = await approvedLeaveDays(deps.db, posting.id)
    if (leave.some((l) => l.startsOn <= input.from && (l.returnedOn ?? l.endsOn) >= input.to)) continue
    const measured = await measureDuty(deps.db, input, posting.id, duty.pattern, halfDayHours)
    if (!measured) continue
    judged++
    const { achieved, required, unit, readings } = measured
    if (achieved >= required) continue
    short++
    const reply = shortfallNotice(posting, input, { achieved, required, unit, readings, text: duty.text, source: duty.source })
    const recipients = [posting.personId, ...(await officeFor(deps.db, input.tenantId, posting.receivingOrgId))]
    for (const personId of new Set(recipients)) {
      await notifyPerson(deps.db, { tenantId: input.tenantId, personId, prefer: 'feishu', reply, key: `shortfall:${posting.id}:${input.from}:${personId}`, at: now })
    }
  }
  return { judged, short }
}

function shortfallNotice(
  p: RunningPosting,
  period: { scope: ReviewScope; from: string; to: string },
  m: Measured & { text: string; source: Source },
) {
  const when = period.scope === 'week' ? `${period.from} 至 ${period.to} 这一周` : `${period.from.slice(0, 7)} 月`
  return {
    tone: 'warning' as const,
    title: '驻点要求未达到',
    text: `${p.personName}（${p.supportingOrgName} 派驻 ${p.receivingOrgName}）${when}到岗 ${m.achieved}/${m.required} ${m.unit}，未达到“${m.text}”。\n依据：${citation(m.source)}：“${m.source.quote}”\n${m.readings.map((r) => `${r}\n`).join('')}如有请假或公务外出未登记，请补办请假或补卡。`,
  }
}
