import { postingFacts, settleDay } from '../../../db/repositories/absences'
import { countUnexcused } from '../../../db/repositories/absences'
import { recordAudit } from '../../../db/repositories/audit'
import { findPersonName } from '../../../db/repositories/people'
import { holdsRole } from '../../../db/repositories/roles'
import { findVerificationByNumber, settleVerification } from '../../../db/repositories/verifications'
import type { Lang } from '../../domain/command'
import type { Platform } from '../../domain/platform'
import type { Reply } from '../../domain/reply'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { recordFinding } from './finding'
import { notCountedNoticeToDoctor, notCountedReasonForm } from './unverified-notices'

const ARGS = /^#?(\d+)\s*(确认脱岗|脱岗|不计|absent|dismiss)?\s*([\s\S]*)$/i
const STATUS_TEXT = { excused: '已因批准的补卡或请假而不计为脱岗', notCounted: '已核实为不计', finding: '已记为发现脱岗' } as const

/**
 * 核实 <编号> 脱岗 / 核实 <编号> 不计 理由: the receiving org's approver (or director) settles a 待核实 day. 脱岗 makes it a
 * finding at once, with the ladder's notices; 不计 closes it, the reason in the audit log, and tells the doctor.
 * A day is settled once: a second decision answers with what stands.
 */
export async function verifyDay(deps: UseCaseDeps, input: { tenantId: string; personId: string; args: string; platform: Platform; lang: Lang }): Promise<Reply> {
  const { tenantId, personId } = input
  const en = input.lang === 'en'
  const match = ARGS.exec(input.args.trim())
  if (!match || !match[2]) {
    return { tone: 'warning', text: en ? 'Please send: 核实 <number> 脱岗, or 核实 <number> 不计 <reason>' : '请这样发送：核实 编号 脱岗，或：核实 编号 不计 理由（例如：核实 7 不计 当天外出义诊）' }
  }
  const number = Number(match[1])
  const confirm = /脱岗|absent/i.test(match[2])
  const reason = match[3]!.trim()
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const found = await findVerificationByNumber(tx, tenantId, number)
    if (!found) return { tone: 'warning', text: en ? `There is no unverified day #${number}.` : `没有找到待核实编号 #${number}。` }
    const { verification, receivingOrgId } = found
    const mayDecide = (await holdsRole(tx, tenantId, personId, 'approver', receivingOrgId)) || (await holdsRole(tx, tenantId, personId, 'director', receivingOrgId))
    if (!mayDecide) return { tone: 'warning', text: en ? `Only the receiving hospital's approver decides #${number}; nothing was changed.` : `只有受援单位的审批人可以核实 #${number}，未作任何更改。` }
    if (verification.status !== 'open') {
      return { tone: 'info', text: en ? `#${number} is already settled (${verification.status}); nothing was changed.` : `#${number} ${STATUS_TEXT[verification.status]}，未作更改。` }
    }
    if (!confirm && !reason) return notCountedReasonForm(number)

    const posting = await postingFacts(tx, verification.postingId)
    const settled = await settleVerification(tx, verification.id, confirm ? 'finding' : 'notCounted', { by: personId, reason: reason || null, at: now })
    if (!settled) return { tone: 'info', text: en ? `#${number} was settled meanwhile; nothing was changed.` : `#${number} 已由他人处理，未作更改。` }
    await recordAudit(tx, { tenantId, actorPersonId: personId, action: confirm ? 'unverified.confirmed' : 'unverified.notCounted', entity: 'unverified_day', entityId: verification.id, before: verification, after: settled, at: now })
    const approverName = await findPersonName(tx, personId)
    if (confirm) {
      await recordFinding(tx, posting, verification.day, { by: 'approver', approverName }, now)
      const count = await countUnexcused(tx, posting.id)
      return en
        ? { tone: 'success', text: `Confirmed: ${posting.personName} was absent without leave on ${verification.day} (finding ${count} of this posting). The policy's notices have been sent.` }
        : { tone: 'success', text: `已确认 ${posting.personName} ${verification.day} 擅自脱岗，本次派驻发现 ${count} 次；已按政策规定通知相关人员。` }
    }
    await settleDay(tx, { tenantId, postingId: posting.id, day: verification.day }, 'notCounted', { force: true })
    await notifyPerson(tx, { tenantId, personId: posting.personId, prefer: input.platform, reply: notCountedNoticeToDoctor(verification.day, approverName, reason), key: `unverified:${verification.id}:notCounted:${posting.personId}`, at: now })
    return en
      ? { tone: 'success', text: `${posting.personName}'s ${verification.day} is not counted as an absence. Reason recorded: ${reason}` }
      : { tone: 'success', text: `已核实：${posting.personName} ${verification.day} 不计为脱岗。理由已记录：${reason}` }
  })
}
