import { pendingRequestsFor } from '../../../db/repositories/pending-requests'
import type { Db } from '../../../db/client'
import { openVerificationsFor } from '../../../db/repositories/verifications'
import type { ReplyAction } from '../../domain/reply'
import { daysInclusive, shanghaiDate } from '../../time/shanghai'
import { shortReason } from '../leave/shorten'

/** One thing waiting for an approver: when it arrived, how it reads, what to type, and the buttons for it. */
export interface DeskItem {
  since: Date
  text: { zh: string; en: string }
  /** The lines to type, shown on every platform (a button is a shortcut, never the only way). */
  typed: { zh: string; en: string }
  actions: ReplyAction[]
}

/** A source of desk items for one person; another kind of item (待核实 days, 补假) is one more provider. */
export type DeskProvider = (db: Db, q: { tenantId: string; personId: string }) => Promise<DeskItem[]>

const KIND: Record<string, { zh: string; en: string }> = { leave: { zh: '请假', en: 'leave' }, punchCorrection: { zh: '补卡', en: 'punch correction' } }
const kindOf = (kind: string) => KIND[kind] ?? { zh: '申请', en: 'request' }

/** Leave and 补卡 requests waiting for this approver. */
export const leaveRequestItems: DeskProvider = async (db, q) =>
  (await pendingRequestsFor(db, q.tenantId, q.personId)).map(({ leave, requesterName }) => {
    const span = leave.startsOn === leave.endsOn ? leave.startsOn : `${leave.startsOn} 至 ${leave.endsOn}`
    const days = daysInclusive(leave.startsOn, leave.endsOn)
    const reason = shortReason(leave.reason).slice(0, 60)
    const filed = shanghaiDate(leave.createdAt)
    return {
      since: leave.createdAt,
      text: {
        zh: `${kindOf(leave.kind).zh} #${leave.number} ${requesterName}：${span}（${days} 天），事由：${reason}；${filed} 提交`,
        en: `${kindOf(leave.kind).en} #${leave.number} ${requesterName}: ${span.replace(' 至 ', ' to ')} (${days} day(s)), reason: ${reason}; filed ${filed}`,
      },
      typed: { zh: `批准 ${leave.number} / 驳回 ${leave.number} 理由`, en: `approve ${leave.number} / reject ${leave.number} <reason>` },
      actions: [
        { label: `批准 #${leave.number}`, command: `批准 ${leave.number}`, style: 'primary' as const },
        { label: `驳回 #${leave.number}`, command: `驳回 ${leave.number}`, style: 'danger' as const },
      ],
    }
  })

/** 待核实 days (a duty day with no check-in) the person may settle as the receiving org's approver or director. */
export const unverifiedDayItems: DeskProvider = async (db, q) =>
  (await openVerificationsFor(db, q.tenantId, q.personId)).map(({ verification: v, doctorName }) => ({
    since: v.createdAt,
    text: { zh: `待核实 #${v.number} ${doctorName}：${v.day} 没有签到记录`, en: `to verify #${v.number} ${doctorName}: no check-in on ${v.day}` },
    typed: { zh: `核实 ${v.number} 脱岗 / 核实 ${v.number} 不计 理由`, en: `verify ${v.number} 脱岗 / verify ${v.number} 不计 <reason>` },
    actions: [
      { label: `确认脱岗 #${v.number}`, command: `核实 ${v.number} 脱岗`, style: 'danger' as const },
      { label: `不计 #${v.number}`, command: `核实 ${v.number} 不计`, style: 'default' as const },
    ],
  }))

/** Every source of the approver's desk, in no particular order: the desk sorts their items oldest first. */
export const DESK_PROVIDERS: DeskProvider[] = [leaveRequestItems, unverifiedDayItems]
