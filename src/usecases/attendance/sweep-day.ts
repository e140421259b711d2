import { countUnexcused, officeFor, postingsRunningOn, recordAbsence, recordEscalation, setAssessment, settleDay, type RunningPosting } from '../../../db/repositories/absences'
import { overridesForYear } from '../../../db/repositories/calendar'
import { holdersOf } from '../../../db/repositories/roles'
import { escalationStep, type EscalationAnswer, type PolicyId, type Successor } from '../../../rules'
import type { Db } from '../../../db/client'
import { calendarDay } from '../../time/calendar'
import type { UseCaseDeps } from '../deps'
import { tenantSuccessors } from '../policy/successors'
import { notifyPerson } from '../notify'
import { dutyOf } from './duty'
import { absenceNoticeToDoctor, absenceNoticeToOthers, uncoveredPolicyNotice, unknownCalendarNotice } from './notices'

export interface SweepResult {
  day: string
  present: number
  excused: number
  notRequired: number
  unknown: number
  unexcused: number
  notices: number
}

/**
 * Judges one finished day for every running posting: present, excused, not required, unknown, or an unexcused absence
 * that takes the next step of the policy's ladder and tells the people that step names. Re-running a day changes
 * nothing and notifies nobody twice (absences are unique per posting and day; notices per absence and person).
 */
export async function sweepDay(deps: UseCaseDeps, input: { tenantId: string; day: string }): Promise<SweepResult> {
  const { tenantId, day } = input
  const now = deps.clock.now()
  const result: SweepResult = { day, present: 0, excused: 0, notRequired: 0, unknown: 0, unexcused: 0, notices: 0 }
  return deps.db.transaction(async (tx) => {
    const year = Number(day.slice(0, 4))
    const overrides = await overridesForYear(tx, tenantId, year)
    const calendar = calendarDay(day, overrides.entries, overrides.entered)
    const successors = await tenantSuccessors(tx, tenantId)
    for (const posting of await postingsRunningOn(tx, tenantId, day)) {
      const key = { tenantId, postingId: posting.id, day }
      const duty = dutyOf(posting, day, successors)
      let status: 'unexcused' | 'notRequired' | 'unknown'
      if (calendar.status === 'unknown') {
        status = 'unknown'
        result.notices += await tellOffice(tx, posting, unknownCalendarNotice(year), `calendar-unknown:${tenantId}:${year}`, now)
      } else if (!duty.known) {
        status = 'unknown'
        result.notices += await tellOffice(tx, posting, uncoveredPolicyNotice(posting, duty.reason), `policy-uncovered:${tenantId}:${posting.policyId}:${year}`, now)
      } else status = calendar.status === 'workday' && duty.daily ? 'unexcused' : 'notRequired'

      const settled = await settleDay(tx, key, status)
      if (settled.status === 'present') result.present++
      else if (settled.status === 'excused') result.excused++
      else if (settled.status === 'notRequired') result.notRequired++
      else if (settled.status === 'unknown') result.unknown++
      if (settled.status !== 'unexcused') continue
      result.unexcused++
      const absence = await recordAbsence(tx, key)
      if (absence) result.notices += await escalate(tx, posting, absence.id, day, now, successors)
    }
    return result
  })
}

async function escalate(db: Db, posting: RunningPosting, absenceId: string, day: string, at: Date, successors: readonly Successor[]): Promise<number> {
  const count = await countUnexcused(db, posting.id)
  const step: EscalationAnswer = escalationStep(posting.policyId as PolicyId, count, day, 'posting', successors)
  const recipients = new Map<string, 'doctor' | 'other'>([[posting.personId, 'doctor']])
  for (const who of step.covered && step.hasLadder ? step.notify : []) {
    const ids =
      who === 'supportingDirector' ? await holdersOf(db, posting.tenantId, 'director', posting.supportingOrgId)
      : who === 'receivingDirector' ? await holdersOf(db, posting.tenantId, 'director', posting.receivingOrgId)
      : who === 'office' ? await officeFor(db, posting.tenantId, posting.receivingOrgId)
      : []
    for (const id of ids) if (!recipients.has(id)) recipients.set(id, 'other')
  }
  if (step.actions.includes('assessmentFailed')) await setAssessment(db, posting.id, 'failed')
  await recordEscalation(db, { tenantId: posting.tenantId, postingId: posting.id, absenceId, step: step.step, actions: step.actions, notifiedPersonIds: [...recipients.keys()] })
  for (const [personId, role] of recipients) {
    const reply = role === 'doctor' ? absenceNoticeToDoctor(posting, day, count, step) : absenceNoticeToOthers(posting, day, count, step)
    await notifyPerson(db, { tenantId: posting.tenantId, personId, prefer: 'feishu', reply, key: `absence:${absenceId}:${personId}`, at })
  }
  return recipients.size
}

async function tellOffice(db: Db, posting: RunningPosting, reply: Awaited<ReturnType<typeof unknownCalendarNotice>>, key: string, at: Date): Promise<number> {
  const office = await officeFor(db, posting.tenantId, posting.receivingOrgId)
  for (const personId of office) await notifyPerson(db, { tenantId: posting.tenantId, personId, prefer: 'feishu', reply, key: `${key}:${personId}`, at })
  return office.length
}
