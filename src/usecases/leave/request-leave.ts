import { recordAudit } from '../../../db/repositories/audit'
import { createLeave, overlappingLeave } from '../../../db/repositories/leave'
import { findPersonName } from '../../../db/repositories/people'
import { holdersOf } from '../../../db/repositories/roles'
import type { LeaveKind } from '../../../db/schema'
import type { Lang } from '../../domain/command'
import type { Platform } from '../../domain/platform'
import type { Reply } from '../../domain/reply'
import { daysInclusive, shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { requireActivePosting } from '../require-posting'
import { checkedInClash, splitConfirmation } from './checked-in-clash'
import { overlapExtensionReply } from './overlap-extension'
import { parseLeaveArgs } from './parse'
import { tenantSettings } from '../../../db/repositories/verifications'
import { addDays } from '../../time/days'
import { calendarReader, workdaysAfter } from '../attendance/workdays'
import { approvalRequestReply, leaveFormReply, leaveProblemReply, leaveSubmittedReply, reasonFormReply } from './replies'

export interface RequestLeaveInput {
  tenantId: string
  personId: string
  kind: LeaveKind
  args: string
  platform: Platform
  eventId: string
  lang: Lang
  /** 补假: leave asked for past days, inside the 待核实 grace period; decided like leave. */
  pastDay?: boolean
}

/**
 * 请假 / 补卡: checks the dates against the posting and earlier requests, files the request, and sends the receiving
 * org's approver a notice with approve/reject buttons, all in one transaction.
 */
export async function requestLeave(deps: UseCaseDeps, input: RequestLeaveInput): Promise<Reply> {
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  const { tenantId, personId, kind, lang } = input
  const pastDay = input.pastDay === true
  if (!input.args.trim()) return pastDay ? leaveProblemReply({ problem: 'format', kind, pastDay }, lang, today) : leaveFormReply(kind, lang, today, input.platform)
  const parsed = parseLeaveArgs(input.args, today, kind === 'punchCorrection' || pastDay ? 'past' : 'future')
  if (!parsed.ok) return leaveProblemReply({ problem: 'format', kind, pastDay }, lang, today)
  const { from, to } = parsed
  const { reason, confirmed } = splitConfirmation(parsed.reason)
  if (from > to) return leaveProblemReply({ problem: 'order', kind }, lang)
  // A button that names the day (补卡 12-03) asks only for the reason.
  if (!reason) return reasonFormReply({ kind, pastDay, from, to }, lang)
  if (pastDay && to >= today) return leaveProblemReply({ problem: 'notPast', kind, pastDay }, lang)
  if (kind === 'leave' && !pastDay && from < today) return leaveProblemReply({ problem: 'past', kind }, lang)
  if (kind === 'punchCorrection' && from > today) return leaveProblemReply({ problem: 'future', kind }, lang)

  return deps.db.transaction(async (tx) => {
    const posting = await requireActivePosting({ ...deps, db: tx }, tenantId, personId, today)
    if (from < posting.startsOn || to > posting.endsOn) {
      return leaveProblemReply({ problem: 'outsidePosting', kind, startsOn: posting.startsOn, endsOn: posting.endsOn }, lang)
    }
    if (pastDay) {
      const { graceWorkdays } = await tenantSettings(tx, tenantId)
      if ((await workdaysAfter(calendarReader(tx, tenantId), from, addDays(today, -1))) >= graceWorkdays) {
        return leaveProblemReply({ problem: 'pastGrace', kind, pastDay, graceWorkdays }, lang)
      }
    }
    const retype = `${pastDay ? '补假' : '请假'} ${from.slice(5)}${to === from ? '' : ` 至 ${to.slice(5)}`} ${reason}`
    const checkedIn = await checkedInClash(tx, { postingId: posting.id, kind, from, to, today, confirmed, retype }, lang)
    if (checkedIn) return checkedIn
    const [clash] = await overlappingLeave(tx, posting.id, kind, from, to)
    const extension = clash ? overlapExtensionReply({ kind, from, to, reason, clash }, lang) : null
    if (extension) return extension
    if (clash) return leaveProblemReply({ problem: 'overlap', kind, number: clash.number, startsOn: clash.startsOn, endsOn: clash.endsOn }, lang)
    const approverId =
      (await holdersOf(tx, tenantId, 'approver', posting.receivingOrgId))[0] ?? (await holdersOf(tx, tenantId, 'director', posting.receivingOrgId))[0]
    if (!approverId) return leaveProblemReply({ problem: 'noApprover', kind, org: posting.receivingOrgName }, lang)

    const leave = await createLeave(tx, { tenantId, kind, postingId: posting.id, personId, startsOn: from, endsOn: to, reason, approverPersonId: approverId })
    await recordAudit(tx, { tenantId, actorPersonId: personId, action: pastDay ? 'pastLeave.requested' : `${kind}.requested`, entity: 'leave_request', entityId: leave.id, before: null, after: leave, at: now })
    const summary = { number: leave.number, kind, from, to, days: daysInclusive(from, to), reason, org: posting.receivingOrgName, pastDay }
    await notifyPerson(tx, {
      tenantId,
      personId: approverId,
      prefer: input.platform,
      reply: approvalRequestReply({ ...summary, requesterName: await findPersonName(tx, personId) }),
      key: `leave:${leave.id}:request`,
      at: now,
    })
    return leaveSubmittedReply(summary, lang)
  })
}
