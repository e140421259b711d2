import { officeFor, postingsRunningOn, settleDay, type RunningPosting } from '../../../db/repositories/absences'
import { overridesForYear } from '../../../db/repositories/calendar'
import { openVerification } from '../../../db/repositories/verifications'
import type { Db } from '../../../db/client'
import { calendarDay } from '../../time/calendar'
import type { UseCaseDeps } from '../deps'
import { tenantSuccessors } from '../policy/successors'
import { notifyPerson } from '../notify'
import { dutyOf } from './duty'
import { settleExpiredGrace } from './grace'
import { uncoveredPolicyNotice, unknownCalendarNotice } from './notices'

export interface SweepResult {
  day: string
  present: number
  excused: number
  notRequired: number
  unknown: number
  /** Days that were findings already (a re-run); new findings are counted in `findings`. */
  unexcused: number
  /** 待核实: no check-in and nothing approved; the doctor and the approver are asked next morning. */
  unverified: number
  /** 待核实 days (of this or earlier days) whose grace period passed with this day: 发现 N 次. */
  findings: number
  notices: number
}

/**
 * Judges one finished day for every running posting: present, excused, not required, unknown, or 待核实 (no check-in
 * and nothing approved: verified before it can count as 擅自脱岗, design §11). Then the 待核实 days whose grace period
 * this day ends become findings, which take the next step of the policy's ladder. Re-running a day changes nothing and
 * notifies nobody twice (待核实 and absences are unique per posting and day; notices per absence and person).
 */
export async function sweepDay(deps: UseCaseDeps, input: { tenantId: string; day: string }): Promise<SweepResult> {
  const { tenantId, day } = input
  const now = deps.clock.now()
  const result: SweepResult = { day, present: 0, excused: 0, notRequired: 0, unknown: 0, unexcused: 0, unverified: 0, findings: 0, notices: 0 }
  return deps.db.transaction(async (tx) => {
    const year = Number(day.slice(0, 4))
    const overrides = await overridesForYear(tx, tenantId, year)
    const calendar = calendarDay(day, overrides.entries, overrides.entered)
    const successors = await tenantSuccessors(tx, tenantId)
    for (const posting of await postingsRunningOn(tx, tenantId, day)) {
      const key = { tenantId, postingId: posting.id, day }
      const duty = dutyOf(posting, day, successors)
      let status: 'unverified' | 'notRequired' | 'unknown'
      if (calendar.status === 'unknown') {
        status = 'unknown'
        result.notices += await tellOffice(tx, posting, unknownCalendarNotice(year), `calendar-unknown:${tenantId}:${year}`, now)
      } else if (!duty.known) {
        status = 'unknown'
        result.notices += await tellOffice(tx, posting, uncoveredPolicyNotice(posting, duty.reason), `policy-uncovered:${tenantId}:${posting.policyId}:${year}`, now)
      } else status = calendar.status === 'workday' && duty.perDay ? 'unverified' : 'notRequired'

      const settled = await settleDay(tx, key, status)
      if (settled.status === 'present') result.present++
      else if (settled.status === 'excused') result.excused++
      else if (settled.status === 'notRequired') result.notRequired++
      else if (settled.status === 'unknown') result.unknown++
      else if (settled.status === 'unexcused') result.unexcused++
      else if (settled.status === 'unverified' && (await openVerification(tx, key))) result.unverified++
    }
    const grace = await settleExpiredGrace(tx, { tenantId, day, at: now })
    result.findings = grace.findings
    result.notices += grace.notices
    return result
  })
}

async function tellOffice(db: Db, posting: RunningPosting, reply: Awaited<ReturnType<typeof unknownCalendarNotice>>, key: string, at: Date): Promise<number> {
  const office = await officeFor(db, posting.tenantId, posting.receivingOrgId)
  for (const personId of office) await notifyPerson(db, { tenantId: posting.tenantId, personId, prefer: 'feishu', reply, key: `${key}:${personId}`, at })
  return office.length
}
