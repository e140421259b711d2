import type { leaveRequests } from '../../../db/schema'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'

type Leave = typeof leaveRequests.$inferSelect
const KIND = { leave: '请假', punchCorrection: '补卡' } as const
const STATUS = { pending: '待审批', approved: '已批准', rejected: '已驳回', cancelled: '已撤回', returned: '已销假' } as const
const span = (l: Leave) => (l.startsOn === l.endsOn ? l.startsOn : `${l.startsOn} 至 ${l.endsOn}`)

type Problem =
  | { problem: 'format'; decision: 'approve' | 'reject' }
  | { problem: 'notFound' | 'notApprover'; decision: 'approve' | 'reject'; number: number }
  | { problem: 'decided'; decision: 'approve' | 'reject'; number: number; status: Leave['status'] }

/** Why a decision was not applied; nothing changed. */
export function decisionProblemReply(p: Problem, lang: Lang): Reply {
  const word = p.decision === 'approve' ? '批准' : '驳回'
  if (lang === 'en') {
    const en = {
      format: `Please send: ${p.decision} <number> [reason], e.g. ${p.decision} 12`,
      notFound: `There is no request #${'number' in p ? p.number : ''}.`,
      notApprover: `You are not the approver of request #${'number' in p ? p.number : ''}; nothing was changed.`,
      decided: `Request #${'number' in p ? p.number : ''} is already ${p.problem === 'decided' ? p.status : ''}; nothing was changed.`,
    }
    return { tone: 'warning', text: en[p.problem] }
  }
  const zh = {
    format: `请这样发送：${word} 单号 [理由]，例如：${word} 12`,
    notFound: `没有找到单号 #${'number' in p ? p.number : ''}。`,
    notApprover: `您不是单号 #${'number' in p ? p.number : ''} 的审批人，未作任何更改。`,
    decided: `单号 #${'number' in p ? p.number : ''} ${p.problem === 'decided' ? STATUS[p.status] : ''}，未作更改。`,
  }
  return { tone: 'warning', text: zh[p.problem] }
}

/** The approver's confirmation. */
export function decisionReply(d: { leave: Leave; requesterName: string }, lang: Lang): Reply {
  const { leave } = d
  if (lang === 'en') return { tone: 'success', text: `Request #${leave.number} of ${d.requesterName} (${span(leave)}) ${leave.status}.` }
  return { tone: 'success', text: `已${leave.status === 'approved' ? '批准' : '驳回'} ${d.requesterName} 的${KIND[leave.kind]}单 #${leave.number}（${span(leave)}）。` }
}

/** The requester's notice of the decision. */
export function decidedNoticeReply(d: { leave: Leave; approverName: string }): Reply {
  const { leave } = d
  const verdict = leave.status === 'approved' ? '已批准' : '未获批准'
  const comment = leave.decisionComment ? `\n审批意见：${leave.decisionComment}` : ''
  const after = leave.status === 'approved' && leave.kind === 'punchCorrection' ? '\n该日不再计为脱岗。' : ''
  return { tone: leave.status === 'approved' ? 'success' : 'warning', text: `您的${KIND[leave.kind]}单 #${leave.number}（${span(leave)}）${verdict}（审批人：${d.approverName}）。${comment}${after}` }
}
