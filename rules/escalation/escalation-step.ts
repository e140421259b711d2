import { packPeriodCheck } from '../core/coverage'
import type { PolicyId } from '../core/pack'
import { type IsoDate, valueAt } from '../core/parameter'
import type { Source } from '../core/source'
import type { Successor } from '../core/successor'
import { continuedRules } from '../policies/continued'
import type { EscalationAction, LadderKind, LadderStep, Recipient, Threshold } from './types'

/** The rung a count of unexcused absences has reached, who to tell, and what the next rung would bring. */
export interface EscalationAnswer {
  policyId: PolicyId
  asOf: IsoDate
  count: number
  covered: boolean
  /** False when the text sets no ladder for this kind of absence (`reason` says what it does say). */
  hasLadder: boolean
  /** 0 before the first rung; otherwise the rung's position, 1-based. */
  step: number
  actions: EscalationAction[]
  notify: Recipient[]
  text: string | null
  source: Source | null
  reason: string
  next: { atCount: number; actions: EscalationAction[]; notify: Recipient[]; text: string; source: Source } | null
}

function reached(threshold: Threshold, count: number): boolean {
  return 'atLeast' in threshold ? count >= threshold.atLeast : count > threshold.moreThan
}

function firstCount(threshold: Threshold): number {
  return 'atLeast' in threshold ? threshold.atLeast : threshold.moreThan + 1
}

/**
 * The escalation step for a posting's (or trainee's) unexcused absences on `asOf`, counting the one just found. The
 * highest rung reached applies, so absences past the last named rung repeat it. A text without a ladder says so.
 */
export function escalationStep(
  policyId: PolicyId,
  unexcusedCountIncludingThisOne: number,
  asOf: IsoDate,
  kind: LadderKind = 'posting',
  successors: readonly Successor[] = [],
): EscalationAnswer {
  const count = unexcusedCountIncludingThisOne
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`absence count must be a non-negative whole number, got ${count}`)
  const rules = continuedRules(policyId, successors)
  const none = { policyId, asOf, count, step: 0, actions: [], notify: [], text: null, next: null }
  const period = packPeriodCheck(rules.period, asOf)
  if (period.status === 'failed') {
    return { ...none, covered: false, hasLadder: false, source: period.source, reason: period.reason }
  }
  const ladder = rules.escalation.ladders.find((l) => l.kind === kind)
  const steps = (ladder?.steps ?? [])
    .map((s) => valueAt(s, asOf))
    .flatMap((s) => (s.covered ? [{ step: s.value, source: s.source }] : []))
  if (steps.length === 0) {
    const silence = rules.escalation.silence ? valueAt(rules.escalation.silence, asOf) : null
    return {
      ...none,
      covered: true,
      hasLadder: false,
      source: silence?.covered ? silence.source : null,
      reason: silence?.covered ? silence.value.text : '本文件未规定脱岗的逐次处理办法',
    }
  }
  const reachedIndex = steps.findLastIndex((s) => reached(s.step.threshold, count))
  const current = reachedIndex >= 0 ? steps[reachedIndex]! : null
  const upcoming = steps[reachedIndex + 1]
  const next: EscalationAnswer['next'] = upcoming
    ? { atCount: firstCount(upcoming.step.threshold), ...pick(upcoming.step), source: upcoming.source }
    : null
  const reason = current
    ? `第${count}次无正当理由脱岗：${current.step.text}`
    : `第${count}次无正当理由脱岗：本文件对此尚无处理规定${next ? `；达到${next.atCount}次时：${next.text}` : ''}`
  return {
    ...none,
    covered: true,
    hasLadder: true,
    step: reachedIndex + 1,
    actions: current ? current.step.actions : [],
    notify: current ? current.step.notify : [],
    text: current ? current.step.text : null,
    source: current ? current.source : null,
    reason,
    next,
  }
}

function pick(step: LadderStep): { actions: EscalationAction[]; notify: Recipient[]; text: string } {
  return { actions: step.actions, notify: step.notify, text: step.text }
}
