import { citation, type EscalationAnswer, type Source } from '../../../rules'
import type { RunningPosting } from '../../../db/repositories/absences'
import type { Reply } from '../../domain/reply'

const quote = (s: Source | null) => (s ? `${citation(s)}：“${s.quote}”` : "")

/** How a 待核实 day became a finding: the receiving org's approver confirmed it, or the grace period passed. */
export type FindingCause = { by: 'approver'; approverName: string } | { by: 'grace'; graceWorkdays: number }

const causeText = (c: FindingCause) =>
  c.by === 'approver'
    ? `受援单位${c.approverName}核实确认`
    : `当天之后 ${c.graceWorkdays} 个工作日内未说明，也没有批准的补卡或补假（该期限为本系统的部署设置，非政策原文）`

/** The finding as its doctor reads it: what was recorded, why, what the policy does about it, how to correct it. */
export function absenceNoticeToDoctor(p: RunningPosting, day: string, count: number, step: EscalationAnswer, cause: FindingCause): Reply {
  const md = day.slice(5)
  const consequence = step.covered && step.hasLadder && step.step > 0 ? `\n处理：${step.text}\n依据：${quote(step.source)}` : ''
  return {
    tone: 'warning',
    title: '脱岗记录',
    text: `${p.personName}医生：${day} 是工作日，您没有签到，也没有已批准的请假或补卡，已记为无正当理由脱岗，本次派驻发现 ${count} 次。\n认定：${causeText(cause)}${consequence}\n如当天在岗或已请假，请发送：补卡 ${md} 事由；批准后此记录撤销，并通知所有收到本通报的人。`,
  }
}

/** The notice to directors and the office the ladder names. */
export function absenceNoticeToOthers(p: RunningPosting, day: string, count: number, step: EscalationAnswer, cause: FindingCause): Reply {
  return {
    tone: 'warning',
    title: step.actions.includes('assessmentFailed') ? '脱岗通报（考核不合格）' : '脱岗通报',
    text: `${p.personName}（${p.supportingOrgName} 派驻 ${p.receivingOrgName}）${day} 无正当理由未到岗，本次派驻发现 ${count} 次。\n认定：${causeText(cause)}\n处理：${step.text}\n依据：${quote(step.source)}`,
  }
}

/** Sent to everyone who was told of an absence that a later approved 补卡 or leave withdrew. */
export function withdrawalNotice(p: { personName: string }, day: string, number: number): Reply {
  return { tone: 'info', title: '更正：撤销脱岗记录', text: `${p.personName} ${day} 的脱岗记录已撤销：当天的请假/补卡（单号 #${number}）已获批准。此前的脱岗通报作废。` }
}

/** Once a year per policy: days of postings whose policy has no rule for this date are not judged. */
export function uncoveredPolicyNotice(p: RunningPosting, reason: string): Reply {
  return {
    tone: 'warning',
    title: '考勤规则缺失',
    text: `${p.receivingOrgName}等单位的派驻依据的政策在当前日期没有考勤规定：${reason}\n这些派驻的出勤暂不判定脱岗（记为“未判定”）。如有延续文件，请管理员录入：npm run cli -- policy continue ${p.policyId} --document 文号 --from 日期 --clause 条款 --quote 原文（或 POST /api/admin/policy-successors）。`,
  }
}

/** Once a year: the holiday calendar is missing, so workdays cannot be told from holidays. */
export function unknownCalendarNotice(year: number): Reply {
  return {
    tone: 'warning',
    title: `${year}年节假日安排未录入`,
    text: `节假日数据尚未覆盖 ${year} 年，系统无法判断哪些天是工作日（含调休上班日），这些天的出勤记为“未判定”。\n请按国务院办公厅公布的 ${year} 年部分节假日安排录入（管理员：npm run cli -- calendar import 通知.txt，或 POST /api/admin/calendar/notice）。`,
  }
}
