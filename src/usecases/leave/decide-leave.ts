import { recordAudit } from '../../../db/repositories/audit'
import { excuseDays } from '../../../db/repositories/attendance'
import { decideLeaveRow, findLeaveByNumber } from '../../../db/repositories/leave'
import { findPersonName } from '../../../db/repositories/people'
import { holdsRole } from '../../../db/repositories/roles'
import { excuseVerifications } from '../../../db/repositories/verifications'
import type { Lang } from '../../domain/command'
import type { Platform } from '../../domain/platform'
import { parseWholeNumber } from '../../domain/strict-input'
import type { Reply } from '../../domain/reply'
import { eachDay } from '../../time/days'
import type { UseCaseDeps } from '../deps'
import { withdrawAbsences } from '../attendance/withdraw'
import { notifyPerson } from '../notify'
import { rejectReasonReply } from './reject-reason'
import { decidedNoticeReply, decisionProblemReply, decisionReply } from './decision-replies'

/** The largest number a leave request can have (PostgreSQL's int4 range, far beyond any tenant's count). */
const MAX_LEAVE_NUMBER = 2_147_483_647

export interface DecideLeaveInput {
  tenantId: string
  personId: string
  decision: 'approve' | 'reject'
  args: string
  platform: Platform
  lang: Lang
}

/**
 * 批准 / 驳回 <number> [理由]: only the request's approver (or another approver of the receiving org) decides; a
 * decision applies once — a second click answers with what stands. Approved days become excused.
 */
export async function decideLeave(deps: UseCaseDeps, input: DecideLeaveInput): Promise<Reply> {
  const { tenantId, personId, decision, lang } = input
  const match = /^[#＃]?([0-9０-９]+)\s*(.*)$/s.exec(input.args.trim())
  if (!match) return decisionProblemReply({ problem: 'format', decision }, lang)
  const parsed = parseWholeNumber(match[1]!, { min: 1, max: MAX_LEAVE_NUMBER, label: { zh: '单号', en: 'The request number' } })
  if (!parsed.ok) return { tone: 'warning', text: lang === 'en' ? `${parsed.reason.en}; nothing was changed.` : `${parsed.reason.zh}，未作任何更改。` }
  const number = parsed.value
  const comment = match[2]!.trim() || null
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const found = await findLeaveByNumber(tx, tenantId, number)
    if (!found) return decisionProblemReply({ problem: 'notFound', decision, number }, lang)
    const { leave, requesterName, receivingOrgId, policyId } = found
    const mayDecide = leave.approverPersonId === personId || (await holdsRole(tx, tenantId, personId, 'approver', receivingOrgId))
    if (!mayDecide) return decisionProblemReply({ problem: 'notApprover', decision, number }, lang)
    if (leave.status !== 'pending') return decisionProblemReply({ problem: 'decided', decision, number, status: leave.status }, lang)
    if (decision === 'reject' && !comment) return rejectReasonReply(number, input.platform, lang)

    const decided = await decideLeaveRow(tx, leave.id, decision === 'approve' ? 'approved' : 'rejected', comment, now)
    if (!decided) return decisionProblemReply({ problem: 'decided', decision, number, status: leave.status }, lang)
    if (decided.status === 'approved') {
      const days = eachDay(leave.startsOn, leave.endsOn)
      await excuseDays(tx, { tenantId, postingId: leave.postingId }, days)
      await excuseVerifications(tx, leave.postingId, days, now)
      await withdrawAbsences(tx, { tenantId, posting: { id: leave.postingId, policyId, personId: leave.personId }, days, number: leave.number, at: now })
    }
    await recordAudit(tx, { tenantId, actorPersonId: personId, action: `${leave.kind}.${decided.status}`, entity: 'leave_request', entityId: leave.id, before: leave, after: decided, at: now })
    const approverName = await findPersonName(tx, personId)
    await notifyPerson(tx, {
      tenantId,
      personId: leave.personId,
      prefer: input.platform,
      reply: decidedNoticeReply({ leave: decided, approverName }),
      key: `leave:${leave.id}:decision`,
      at: now,
    })
    return decisionReply({ leave: decided, requesterName }, lang)
  })
}
