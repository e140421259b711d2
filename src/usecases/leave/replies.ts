import type { LeaveKind } from '../../../db/schema'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import type { Platform } from '../../domain/platform'
import { formHint } from '../channel-text'
import { exampleDates } from '../examples'
import { shortReason } from './shorten'

const NAME = { leave: { zh: '请假', en: 'leave' }, punchCorrection: { zh: '补卡', en: 'punch correction' } } as const
const PAST_LEAVE = { zh: '补假', en: 'leave for a past day' } as const
const nameOf = (s: { kind: LeaveKind; pastDay?: boolean }) => (s.pastDay ? PAST_LEAVE : NAME[s.kind])
const COMMAND = (s: { kind: LeaveKind; pastDay?: boolean }) => (s.pastDay ? '补假' : s.kind === 'leave' ? '请假' : '补卡')

export interface LeaveSummary {
  number: number
  kind: LeaveKind
  from: string
  to: string
  days: number
  reason: string
  org: string
  pastDay?: boolean
}

const span = (s: { from: string; to: string }) => (s.from === s.to ? s.from : `${s.from} 至 ${s.to}`)

/** With no dates given: the form (a card on Feishu) and, for text-only platforms, how to type it. */
export function leaveFormReply(kind: LeaveKind, lang: Lang, today?: string, platform?: Platform): Reply {
  const orForm = formHint(platform, lang)
  const en = lang === 'en'
  const x = exampleDates(today ?? '2026-11-23')
  if (kind === 'punchCorrection') {
    return {
      tone: 'info',
      title: en ? 'Punch correction' : '补卡申请',
      text: en ? `Send: 补卡 ${x.punchDay} <reason>${orForm}.` : `请发送：补卡 ${x.punchDay} 事由（例如：补卡 ${x.punchDay} 下乡义诊忘记签到）${orForm}。`,
      form: {
        fields: [
          { name: 'day', label: en ? 'Day' : '日期', kind: 'date', required: true },
          { name: 'reason', label: en ? 'Reason' : '事由', kind: 'text', required: true },
        ],
        command: '补卡 {day} {reason}',
        submitLabel: en ? 'Submit' : '提交',
      },
    }
  }
  return {
    tone: 'info',
    title: en ? 'Leave request' : '请假申请',
    text: en ? `Send: 请假 ${x.leaveFrom} 至 ${x.leaveTo} <reason>${orForm}.` : `请发送：请假 ${x.leaveFrom} 至 ${x.leaveTo} 事由（一天可只写一个日期）${orForm}。`,
    form: {
      fields: [
        { name: 'from', label: en ? 'From' : '开始日期', kind: 'date', required: true },
        { name: 'to', label: en ? 'To' : '结束日期', kind: 'date', required: true },
        { name: 'reason', label: en ? 'Reason' : '事由', kind: 'text', required: true },
      ],
      command: '请假 {from} 至 {to} {reason}',
      submitLabel: en ? 'Submit' : '提交',
    },
  }
}

/** The dates were given without a reason (a button that names the day): a one-field form, or the line to type. */
export function reasonFormReply(r: { kind: LeaveKind; pastDay: boolean; from: string; to: string }, lang: Lang): Reply {
  const word = COMMAND(r)
  const dates = r.from === r.to ? r.from.slice(5) : `${r.from.slice(5)} 至 ${r.to.slice(5)}`
  return {
    tone: 'info',
    title: `${nameOf(r).zh} ${dates}`,
    text: lang === 'en' ? `Please give a reason: ${word} ${dates} <reason>` : `请写明${nameOf(r).zh}事由，例如：${word} ${dates} ${r.kind === 'punchCorrection' ? '在病房忘记签到' : '发热就医'}`,
    form: { fields: [{ name: 'reason', label: lang === 'en' ? 'Reason' : '事由', kind: 'text', required: true }], command: `${word} ${dates} {reason}`, submitLabel: lang === 'en' ? 'Submit' : '提交' },
  }
}

type Problem =
  | { problem: 'format'; kind: LeaveKind; pastDay?: boolean }
  | { problem: 'notPast'; kind: LeaveKind; pastDay: true }
  | { problem: 'pastGrace'; kind: LeaveKind; pastDay: true; graceWorkdays: number }
  | { problem: 'order' | 'reason' | 'past' | 'future'; kind: LeaveKind }
  | { problem: 'outsidePosting'; kind: LeaveKind; startsOn: string; endsOn: string }
  | { problem: 'overlap'; kind: LeaveKind; number: number; startsOn: string; endsOn: string }
  | { problem: 'noApprover'; kind: LeaveKind; org: string }

/** Why a request was not filed, and what to send instead; nothing was written. */
export function leaveProblemReply(p: Problem, lang: Lang, today?: string): Reply {
  const pastDay = 'pastDay' in p && p.pastDay === true
  const name = nameOf({ kind: p.kind, pastDay })[lang]
  const x = exampleDates(today ?? '2026-11-23')
  const example = pastDay ? `补假 ${x.punchDay} 发热就医` : p.kind === 'leave' ? `请假 ${x.leaveFrom} 至 ${x.leaveTo} 事由` : `补卡 ${x.punchDay} 事由`
  const grace = p.problem === 'pastGrace' ? p.graceWorkdays : 0
  const zh: Record<Problem['problem'], () => string> = {
    format: () => `没有看懂日期。请这样发送：${example}`,
    order: () => '结束日期早于开始日期，请检查后重新发送。',
    reason: () => `请写明${name}事由，例如：${example}`,
    past: () => '请假只能从今天或以后开始；过去某天在岗但忘记签到，请发送：补卡 日期 事由。',
    future: () => '补卡只能补今天或之前的日期；以后的日子请发送：请假 日期 事由。',
    notPast: () => '补假只用于已经过去的日子；今天及以后请发送：请假 日期 事由。',
    pastGrace: () => `补假须在当天之后 ${grace} 个工作日内提交（${grace} 个工作日为本系统的部署设置，非政策原文），该日已超过期限。如确有请假，请联系受援单位审批人说明。`,
    outsidePosting: () => p.problem === 'outsidePosting' ? `日期须在您的派驻期内（${p.startsOn} 至 ${p.endsOn}）。` : '',
    overlap: () => (p.problem === 'overlap' ? `这段时间已有${name}单 #${p.number}（${span({ from: p.startsOn, to: p.endsOn })}），无需重复提交。` : ''),
    noApprover: () => (p.problem === 'noApprover' ? `${p.org}尚未设置审批人，暂时无法提交。请联系医务科设置后再试。` : ''),
  }
  const en: Record<Problem['problem'], () => string> = {
    format: () => `I could not read the dates. Please send: ${example}`,
    order: () => 'The end date is before the start date; please check and send again.',
    reason: () => `Please give a reason, e.g. ${example}`,
    past: () => 'Leave can start today at the earliest; for a past day you worked without checking in, send 补卡 <date> <reason>.',
    future: () => 'A punch correction is for today or earlier; for future days send 请假 <dates> <reason>.',
    notPast: () => 'Leave for a past day (补假) is for days before today; for today or later send 请假 <dates> <reason>.',
    pastGrace: () => `Leave for a past day must be asked within ${grace} workdays after it (this deployment's rule, not a policy's); that day is past it. Please talk to the receiving hospital's approver.`,
    outsidePosting: () => (p.problem === 'outsidePosting' ? `The dates must fall within your posting (${p.startsOn} to ${p.endsOn}).` : ''),
    overlap: () => (p.problem === 'overlap' ? `Request #${p.number} already covers ${span({ from: p.startsOn, to: p.endsOn })}.` : ''),
    noApprover: () => (p.problem === 'noApprover' ? `${p.org} has no approver yet; please ask your office to set one.` : ''),
  }
  return { tone: 'warning', text: (lang === 'en' ? en : zh)[p.problem]() }
}

export function leaveSubmittedReply(s: LeaveSummary, lang: Lang): Reply {
  return lang === 'en'
    ? { tone: 'success', text: `${nameOf(s).en} request #${s.number} filed: ${s.from === s.to ? s.from : `${s.from} to ${s.to}`} (${s.days} day(s)), reason: ${shortReason(s.reason, 'en')}. Waiting for approval at ${s.org}.` }
    : { tone: 'success', text: `${nameOf(s).zh}单 #${s.number} 已提交：${span(s)}（${s.days} 天），事由：${shortReason(s.reason)}。等待${s.org}审批。` }
}

/** The approver's notice: who, when, why, and buttons that send 批准/驳回 with the number. */
export function approvalRequestReply(s: LeaveSummary & { requesterName: string }): Reply {
  return {
    tone: 'info',
    title: `${nameOf(s).zh}审批 #${s.number}`,
    text: `${s.requesterName} 申请${nameOf(s).zh}：${span(s)}（${s.days} 天）\n事由：${shortReason(s.reason)}\n派驻单位：${s.org}\n也可回复：批准 ${s.number} 或 驳回 ${s.number} 理由`,
    actions: [
      { label: '批准', command: `批准 ${s.number}`, style: 'primary' },
      { label: '驳回', command: `驳回 ${s.number}`, style: 'danger' },
    ],
  }
}
