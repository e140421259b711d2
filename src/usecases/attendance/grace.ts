import type { Db } from '../../../db/client'
import { postingFacts } from '../../../db/repositories/absences'
import { overlappingLeave } from '../../../db/repositories/leave'
import { recordAudit } from '../../../db/repositories/audit'
import { openVerifications, settleVerification, tenantSettings } from '../../../db/repositories/verifications'
import { recordFinding } from './finding'
import { calendarReader, workdaysAfter } from './workdays'

/**
 * After day `day` is over: every 待核实 day whose grace period (this deployment's setting, workdays after the day) has
 * passed with nothing approved or decided becomes a finding. A day with a 补卡 or 补假 still waiting for the approver
 * waits with it: the doctor has explained, and the approver's answer decides. Returns how many people were told.
 */
export async function settleExpiredGrace(db: Db, input: { tenantId: string; day: string; at: Date }): Promise<{ findings: number; notices: number }> {
  const { graceWorkdays } = await tenantSettings(db, input.tenantId)
  const statusOf = calendarReader(db, input.tenantId)
  let findings = 0
  let notices = 0
  for (const { verification } of await openVerifications(db, input.tenantId, input.day)) {
    if ((await workdaysAfter(statusOf, verification.day, input.day)) < graceWorkdays) continue
    const asked = [
      ...(await overlappingLeave(db, verification.postingId, 'punchCorrection', verification.day, verification.day)),
      ...(await overlappingLeave(db, verification.postingId, 'leave', verification.day, verification.day)),
    ]
    if (asked.some((r) => r.status === 'pending')) continue
    const settled = await settleVerification(db, verification.id, 'finding', { by: null, reason: null, at: input.at })
    if (!settled) continue
    findings++
    await recordAudit(db, { tenantId: input.tenantId, actorPersonId: null, actorLabel: '系统：核实期满', action: 'unverified.finding', entity: 'unverified_day', entityId: verification.id, before: verification, after: settled, at: input.at })
    notices += await recordFinding(db, await postingFacts(db, verification.postingId), verification.day, { by: 'grace', graceWorkdays }, input.at)
  }
  return { findings, notices }
}
