import { dates, type Source, type Span } from '../../../rules'
import type { Duty } from './duty'

export interface MinimumLength {
  span: Span
  source: Source
  /** The posting as planned lasts the minimum. */
  planned: boolean
  /** The first end date that would meet it. */
  earliestEnd: string
  /** Decided once the posting is over; pending while it runs. */
  met: 'yes' | 'no' | 'pending'
}

/** The minimum stay a duty pattern sets (连续…不得少于6个月, 每次派驻时间不少于1年), judged on the posting's dates. */
export function minimumLength(duty: Duty, posting: { startsOn: string; endsOn: string }, today: string): MinimumLength | null {
  if (!duty.known) return null
  const p = duty.pattern
  const span =
    p.kind === 'continuousResident' || p.kind === 'everyWorkday'
      ? p.minSpan
      : p.kind === 'daysPerWeek'
        ? p.minSpanSameVillage
        : p.kind === 'weeksPerMonth'
          ? p.supportSpan
          : undefined
  if (!span) return null
  const planned = dates.coversSpan(posting.startsOn, posting.endsOn, span)
  const earliestEnd = dates.addDays(dates.addSpan(posting.startsOn, span), -1)
  return { span, source: duty.source, planned, earliestEnd, met: today > posting.endsOn ? (planned ? 'yes' : 'no') : 'pending' }
}

/** 我的 and the posting's end: whether the stay meets its minimum, quoting the clause. */
export function minimumLengthLine(m: MinimumLength, lang: 'zh' | 'en'): string {
  const span = dates.spanText(m.span)
  const basis = `${m.source.document} ${m.source.clause}：“${m.source.quote}”`
  if (lang === 'en') {
    const verdict = m.met === 'yes' ? 'met' : m.met === 'no' ? 'not met' : m.planned ? 'the planned dates meet it' : `the planned dates fall short; it would need to run to ${m.earliestEnd}`
    return `Minimum stay: ${span} — ${verdict} (${basis}).`
  }
  const verdict = m.met === 'yes' ? '已达到' : m.met === 'no' ? '未达到' : m.planned ? '按计划期满即达到' : `按计划期限不足，须至少派驻至 ${m.earliestEnd}`
  return `最短派驻期限：${span}，${verdict}（依据：${basis}）。`
}
