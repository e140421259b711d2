import { postingFacts } from '../../../db/repositories/absences'
import { overlappingLeave } from '../../../db/repositories/leave'
import { holdersOf } from '../../../db/repositories/roles'
import { openVerifications, tenantSettings } from '../../../db/repositories/verifications'
import { shanghaiDate } from '../../time/shanghai'
import { calendarReader } from '../attendance/workdays'
import { type DigestItem, unverifiedDigest, unverifiedNoticeToDoctor } from '../attendance/unverified-notices'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'

export interface UnverifiedNoticeResult {
  day: string
  doctors: number
  digests: number
}

/**
 * With the morning nudge: each doctor hears once about each 待核实 day (how to explain it with 补卡 or 补假), and on a
 * workday the receiving org's approvers (its directors where it has none) get one digest of the org's open days.
 * A day caught up after an outage still tells doctors (once), but sends no digest about a morning that is over.
 */
export async function notifyUnverified(deps: UseCaseDeps, input: { tenantId: string; day: string }): Promise<UnverifiedNoticeResult> {
  const { tenantId, day } = input
  const now = deps.clock.now()
  const result: UnverifiedNoticeResult = { day, doctors: 0, digests: 0 }
  return deps.db.transaction(async (tx) => {
    const { graceWorkdays } = await tenantSettings(tx, tenantId)
    const open = (await openVerifications(tx, tenantId, day)).filter((o) => o.verification.day < day)
    const byOrg = new Map<string, DigestItem[]>()
    const orgNames = new Map<string, string>()
    for (const { verification, receivingOrgId, personId } of open) {
      await notifyPerson(tx, { tenantId, personId, prefer: 'feishu', reply: unverifiedNoticeToDoctor(verification.day, graceWorkdays), key: `unverified:${verification.id}:doctor:${personId}`, at: now })
      result.doctors++
      const posting = await postingFacts(tx, verification.postingId)
      orgNames.set(receivingOrgId, posting.receivingOrgName)
      const asked = [
        ...(await overlappingLeave(tx, verification.postingId, 'punchCorrection', verification.day, verification.day)),
        ...(await overlappingLeave(tx, verification.postingId, 'leave', verification.day, verification.day)),
      ].find((r) => r.status === 'pending')
      const item: DigestItem = { number: verification.number, personName: posting.personName, day: verification.day, pending: asked ? { number: asked.number, kind: asked.kind } : null }
      byOrg.set(receivingOrgId, [...(byOrg.get(receivingOrgId) ?? []), item])
    }
    if (shanghaiDate(now) !== day || (await calendarReader(tx, tenantId)(day)) === 'restday') return result
    for (const [orgId, items] of byOrg) {
      const approvers = await holdersOf(tx, tenantId, 'approver', orgId)
      const recipients = approvers.length ? approvers : await holdersOf(tx, tenantId, 'director', orgId)
      for (const personId of recipients) {
        await notifyPerson(tx, { tenantId, personId, prefer: 'feishu', reply: unverifiedDigest(orgNames.get(orgId)!, items, graceWorkdays), key: `unverified-digest:${orgId}:${day}:${personId}`, at: now })
        result.digests++
      }
    }
    return result
  })
}
