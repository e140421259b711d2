import type { Db } from '../../../db/client'
import { countUnexcused, officeFor, recordAbsence, recordEscalation, setAssessment, type RunningPosting } from '../../../db/repositories/absences'
import { settleDay } from '../../../db/repositories/absences'
import { holdersOf } from '../../../db/repositories/roles'
import { escalationStep, type EscalationAnswer, type PolicyId } from '../../../rules'
import { tenantSuccessors } from '../policy/successors'
import { notifyPerson } from '../notify'
import { absenceNoticeToDoctor, absenceNoticeToOthers, type FindingCause } from './notices'

/**
 * A 待核实 day becomes a finding (发现 N 次): the day counts as an unexcused absence, the policy's ladder takes its
 * next step, and the people that step names are told. Returns how many were told (0 when the day was a finding already).
 */
export async function recordFinding(db: Db, posting: RunningPosting, day: string, cause: FindingCause, at: Date): Promise<number> {
  const key = { tenantId: posting.tenantId, postingId: posting.id, day }
  await settleDay(db, key, 'unexcused', { force: true })
  const absence = await recordAbsence(db, key)
  return absence ? escalate(db, posting, absence.id, day, cause, at) : 0
}

async function escalate(db: Db, posting: RunningPosting, absenceId: string, day: string, cause: FindingCause, at: Date): Promise<number> {
  const count = await countUnexcused(db, posting.id)
  // A ladder continued by a successor document climbs as the successor says (its thresholds) and cites it.
  const step: EscalationAnswer = escalationStep(posting.policyId as PolicyId, count, day, 'posting', await tenantSuccessors(db, posting.tenantId))
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
    const reply = role === 'doctor' ? absenceNoticeToDoctor(posting, day, count, step, cause) : absenceNoticeToOthers(posting, day, count, step, cause)
    await notifyPerson(db, { tenantId: posting.tenantId, personId, prefer: 'feishu', reply, key: `absence:${absenceId}:${personId}`, at })
  }
  return recipients.size
}
