import { absencesOn, countUnexcused, setAssessment, withdrawAbsence } from '../../../db/repositories/absences'
import { findPersonName } from '../../../db/repositories/people'
import { escalationStep, type PolicyId } from '../../../rules'
import type { Db } from '../../../db/client'
import { notifyPerson } from '../notify'
import { tenantSuccessors } from '../policy/successors'
import { withdrawalNotice } from './notices'

/**
 * Days that became excused (approved leave or 补卡) lose their absences; everyone who was told gets a correction,
 * and an assessment failed only by those absences is pending again.
 */
export async function withdrawAbsences(
  db: Db,
  input: { tenantId: string; posting: { id: string; policyId: string; personId: string }; days: string[]; number: number; at: Date },
): Promise<void> {
  const found = await absencesOn(db, input.posting.id, input.days)
  if (found.length === 0) return
  const personName = await findPersonName(db, input.posting.personId)
  for (const { absence, escalation } of found) {
    await withdrawAbsence(db, absence.id, input.at)
    for (const personId of escalation?.notifiedPersonIds ?? [input.posting.personId]) {
      await notifyPerson(db, {
        tenantId: input.tenantId,
        personId,
        prefer: 'feishu',
        reply: withdrawalNotice({ personName }, absence.day, input.number),
        key: `absence:${absence.id}:withdrawn:${personId}`,
        at: input.at,
      })
    }
  }
  const remaining = await countUnexcused(db, input.posting.id)
  const step = escalationStep(input.posting.policyId as PolicyId, remaining, input.days[0]!, 'posting', await tenantSuccessors(db, input.tenantId))
  if (!step.actions.includes('assessmentFailed')) await setAssessment(db, input.posting.id, 'pending')
}
