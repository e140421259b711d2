import { recordAudit } from '../../../db/repositories/audit'
import { findDay, unexcuseDays } from '../../../db/repositories/attendance'
import { findApprovedLeaveOn, markReturned } from '../../../db/repositories/leave'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import { eachDay } from '../../time/days'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'

/** 销假: ends today the approved leave that covers today; the days after it count as workdays again. */
export async function returnFromLeave(deps: UseCaseDeps, input: { tenantId: string; personId: string; lang: Lang }): Promise<Reply> {
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  const en = input.lang === 'en'
  return deps.db.transaction(async (tx) => {
    const leave = await findApprovedLeaveOn(tx, input.personId, today)
    if (!leave) return { tone: 'info', text: en ? 'You are not on approved leave today.' : '您今天没有进行中的已批准请假，无需销假。' }
    await markReturned(tx, leave.id, today)
    const after = eachDay(today, leave.endsOn).slice(1)
    await unexcuseDays(tx, leave.postingId, after)
    // Someone already checked in today is not asked to check in.
    const checkedIn = Boolean((await findDay(tx, leave.postingId, today))?.checkInAt)
    await recordAudit(tx, { tenantId: input.tenantId, actorPersonId: input.personId, action: 'leave.returned', entity: 'leave_request', entityId: leave.id, before: leave, after: { ...leave, status: 'returned', returnedOn: today }, at: now })
    return en
      ? { tone: 'success', text: `Welcome back. Leave #${leave.number} ends today${after.length ? `; ${after.length} later day(s) count as workdays again` : ''}.${checkedIn ? '' : ' Remember to check in.'}` }
      : { tone: 'success', text: `已销假，欢迎回岗。请假单 #${leave.number} 于今天结束${after.length ? `，之后 ${after.length} 天恢复为工作日` : ''}。${checkedIn ? '' : '请记得签到。'}` }
  })
}
