import { recordAudit } from '../../../db/repositories/audit'
import { unexcuseDays } from '../../../db/repositories/attendance'
import { findLeaveByNumber } from '../../../db/repositories/leave'
import { cancelLeaveRow } from '../../../db/repositories/leave-lists'
import { findPersonName } from '../../../db/repositories/people'
import type { Lang } from '../../domain/command'
import type { Platform } from '../../domain/platform'
import type { Reply } from '../../domain/reply'
import { eachDay } from '../../time/days'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { withdrawnNoticeReply, withdrawProblemReply, withdrawnReply } from './withdraw-replies'

/**
 * 撤销 N: the requester withdraws a request still pending, or approved leave that has not started yet (its days are
 * workdays again). The approver is told either way, so a notice waiting in their chat is not acted on.
 */
export async function withdrawLeave(deps: UseCaseDeps, input: { tenantId: string; personId: string; args: string; platform: Platform; lang: Lang }): Promise<Reply> {
  const { tenantId, personId, lang } = input
  const match = /^#?(\d+)\s*$/.exec(input.args.trim())
  if (!match) return withdrawProblemReply({ problem: 'format' }, lang)
  const number = Number(match[1])
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  return deps.db.transaction(async (tx) => {
    const found = await findLeaveByNumber(tx, tenantId, number)
    if (!found || found.leave.personId !== personId) return withdrawProblemReply({ problem: 'notYours', number }, lang)
    const { leave } = found
    const futureLeave = leave.status === 'approved' && leave.kind === 'leave' && leave.startsOn > today
    if (leave.status === 'approved' && leave.kind === 'leave' && !futureLeave) return withdrawProblemReply({ problem: 'started', number }, lang)
    if (leave.status !== 'pending' && !futureLeave) return withdrawProblemReply({ problem: 'closed', number, status: leave.status }, lang)

    const cancelled = await cancelLeaveRow(tx, leave.id, leave.status === 'pending' ? 'pending' : 'approved', now)
    if (!cancelled) return withdrawProblemReply({ problem: 'closed', number, status: leave.status }, lang)
    if (futureLeave) await unexcuseDays(tx, leave.postingId, eachDay(leave.startsOn, leave.endsOn))
    await recordAudit(tx, { tenantId, actorPersonId: personId, action: `${leave.kind}.cancelled`, entity: 'leave_request', entityId: leave.id, before: leave, after: cancelled, at: now })
    if (leave.approverPersonId) await notifyPerson(tx, {
      tenantId,
      personId: leave.approverPersonId,
      prefer: input.platform,
      reply: withdrawnNoticeReply({ leave, requesterName: await findPersonName(tx, personId), wasApproved: futureLeave }),
      key: `leave:${leave.id}:withdrawn`,
      at: now,
    })
    return withdrawnReply({ leave, wasApproved: futureLeave }, lang)
  })
}
