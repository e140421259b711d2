import type { leaveRequests } from '../../../db/schema'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'

type Leave = typeof leaveRequests.$inferSelect
const KIND: Record<string, { zh: string; en: string }> = { leave: { zh: '请假', en: 'leave' }, punchCorrection: { zh: '补卡', en: 'punch correction' } }
const kindOf = (kind: string) => KIND[kind] ?? { zh: '申请', en: 'request' }
const STATUS: Record<string, string> = { approved: '已批准', rejected: '已驳回', cancelled: '已撤销', returned: '已销假' }
const span = (l: Leave, en = false) => (l.startsOn === l.endsOn ? l.startsOn : `${l.startsOn} ${en ? 'to' : '至'} ${l.endsOn}`)

type Problem = { problem: 'format' } | { problem: 'notYours' | 'started'; number: number } | { problem: 'closed'; number: number; status: Leave['status'] }

/** Why nothing was withdrawn, and what to do instead. */
export function withdrawProblemReply(p: Problem, lang: Lang): Reply {
  const n = 'number' in p ? p.number : 0
  if (lang === 'en') {
    const en = {
      format: 'Please send: withdraw <number>, e.g. withdraw 12 (the number is in the reply to your request, and in “me”).',
      notYours: `You have no request #${n}; you can withdraw only your own.`,
      started: `Leave #${n} has already started; to end it early, send 销假 (back).`,
      closed: `Request #${n} is ${p.problem === 'closed' ? p.status : ''} and can no longer be withdrawn; please ask the approver.`,
    }
    return { tone: 'warning', text: en[p.problem] }
  }
  const zh = {
    format: '请这样发送：撤销 单号，例如：撤销 12（单号见提交时的回复，或发送“我的”查看）。',
    notYours: `没有找到您的单号 #${n}；只能撤销自己提交的申请。`,
    started: `请假单 #${n} 已开始，不能撤销；如需提前结束，请发送：销假。`,
    closed: `单号 #${n} ${p.problem === 'closed' ? (STATUS[p.status] ?? p.status) : ''}，不能再撤销。如有疑问请联系审批人。`,
  }
  return { tone: 'warning', text: zh[p.problem] }
}

export function withdrawnReply(r: { leave: Leave; wasApproved: boolean }, lang: Lang): Reply {
  const { leave } = r
  if (lang === 'en')
    return { tone: 'success', text: `Your ${kindOf(leave.kind).en} request #${leave.number} (${span(leave, true)}) is withdrawn${r.wasApproved ? '; those days are workdays again' : ''}. The approver has been told.` }
  return { tone: 'success', text: `已撤销您的${kindOf(leave.kind).zh}单 #${leave.number}（${span(leave)}）${r.wasApproved ? '，这些天恢复为工作日' : ''}，已通知审批人。` }
}

/** The approver's notice: the request they had (or were about to decide) was withdrawn. */
export function withdrawnNoticeReply(r: { leave: Leave; requesterName: string; wasApproved: boolean }): Reply {
  const { leave } = r
  const what = r.wasApproved ? '已批准的' : '待审批的'
  return { tone: 'info', title: `${kindOf(leave.kind).zh}撤销 #${leave.number}`, text: `${r.requesterName} 撤销了${what}${kindOf(leave.kind).zh}单 #${leave.number}（${span(leave)}），无需再处理。` }
}
