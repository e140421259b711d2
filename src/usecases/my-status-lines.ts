import type { Lang } from '../domain/command'

const span = (r: { startsOn: string; endsOn: string }) => (r.startsOn === r.endsOn ? r.startsOn : `${r.startsOn} 至 ${r.endsOn}`)
const spanEn = (r: { startsOn: string; endsOn: string }) => (r.startsOn === r.endsOn ? r.startsOn : `${r.startsOn} to ${r.endsOn}`)
const KIND: Record<string, { zh: string; en: string }> = { leave: { zh: '请假单', en: 'leave' }, punchCorrection: { zh: '补卡单', en: 'punch correction' } }
const kindOf = (kind: string) => KIND[kind] ?? { zh: '申请单', en: 'request' }

/** 我的: the requests still waiting for the approver, one line, with how to withdraw one. */
export function pendingLines(pending: { number: number; kind: string; startsOn: string; endsOn: string }[], lang: Lang): string[] {
  if (!pending.length) return []
  if (lang === 'en') return [`Waiting for approval: ${pending.map((r) => `${kindOf(r.kind).en} #${r.number} (${spanEn(r)})`).join('; ')}.`]
  return [`待审批：${pending.map((r) => `${kindOf(r.kind).zh} #${r.number}（${span(r)}）`).join('；')}。`]
}
