import { z } from 'zod'
import type { PolicyId } from '../core/pack'
import type { Parameter } from '../core/parameter'
import { POLICY_IDS } from '../core/pack'
import type { DueRule } from '../calendar/types'
import type { LadderStep } from '../escalation/types'
import type { DutyPattern } from '../posting/types'
import type { SupportRules } from './support-rules'
import { SUPPORT_RULES } from './support-rules'

// Bounds on what a successor may set. They are this deployment's sanity limits on office input, not policy numbers:
// a monthly day past the 28th would not exist in February; five years is longer than any posting the packs know.
const LONGEST_POSTING_MONTHS = 60
const LAST_SAFE_MONTH_DAY = 28
const MOST_LADDER_RUNGS = 10

/** One place a value lands: the parameter, and how the successor's value changes the pack's value there. */
export interface OverrideTarget {
  parameter: Parameter<unknown>
  set(old: unknown, value: unknown): unknown
}

/** A parameter a successor document may change, with its unit, its zod schema and how CLI text becomes a value. */
export interface Overridable {
  name: string
  description: string
  unit: string
  schema: z.ZodType
  /** `--set name=value` text → the JSON value the schema checks. */
  fromText(text: string): unknown
  targets(rules: SupportRules): OverrideTarget[]
  /** A value the schema allows but this pack cannot take (three thresholds for a two-rung ladder). */
  misfit?(rules: SupportRules, value: unknown): string | null
}

const asNumber = (text: string): unknown => (/^\s*\d+\s*$/.test(text) ? Number(text) : text)

const minPostingMonths: Overridable = {
  name: 'minPostingMonths',
  description: '每次派驻的最短时间（连续驻点、每个工作日在岗的派驻）',
  unit: '月',
  schema: z.number().int().min(1).max(LONGEST_POSTING_MONTHS),
  fromText: asNumber,
  targets: (rules) =>
    rules.posting.duty
      .filter((d) => Object.values(d.pattern.values).some((v) => v.value !== null && 'minSpan' in v.value))
      .map((d) => ({
        parameter: d.pattern as Parameter<unknown>,
        set: (old, months) => ({ ...(old as DutyPattern), minSpan: { count: months as number, unit: 'month' } }),
      })),
}

function postingSteps(rules: SupportRules): Parameter<LadderStep>[] {
  return rules.escalation.ladders.find((l) => l.kind === 'posting')?.steps ?? []
}

const escalationThresholds: Overridable = {
  name: 'escalationThresholds',
  description: '脱岗逐级处理的次数门槛（每一级“发现 N 次”，由低到高，用逗号分隔）',
  unit: '次',
  schema: z
    .array(z.number().int().min(1))
    .min(1)
    .max(MOST_LADDER_RUNGS)
    .refine((v) => v.every((n, i) => i === 0 || n > v[i - 1]!), '门槛须逐级增大'),
  fromText: (text) => text.split(/[,，]/).map((part) => asNumber(part)),
  targets: (rules) =>
    postingSteps(rules).map((parameter, i) => ({
      parameter: parameter as Parameter<unknown>,
      set: (old, value) => {
        const atLeast = (value as number[])[i]!
        // The pack's wording names its own count; say the successor's beside it rather than silently contradict it.
        return { ...(old as LadderStep), threshold: { atLeast }, text: `${(old as LadderStep).text}（延续文件调整为：发现${atLeast}次）` }
      },
    })),
  misfit: (rules, value) => {
    const rungs = postingSteps(rules).length
    return (value as number[]).length === rungs ? null : `本文件的处理办法有 ${rungs} 级，须给出 ${rungs} 个门槛`
  },
}

const monthlyReportDay: Overridable = {
  name: 'monthlyReportDay',
  description: '每月报送项目开展情况的日期（每月几日）',
  unit: '日',
  schema: z.number().int().min(1).max(LAST_SAFE_MONTH_DAY),
  fromText: asNumber,
  targets: (rules) =>
    rules.calendar
      .filter((e) => e.key === 'monthlyReport')
      .map((e) => ({ parameter: e.due as Parameter<unknown>, set: (old, day) => ((old as DueRule).kind === 'monthly' ? { kind: 'monthly', day } : old) })),
}

const ALL: readonly Overridable[] = [minPostingMonths, escalationThresholds, monthlyReportDay]

/** The parameters each pack lets a successor change: those of the list above that land somewhere in the pack. */
export const OVERRIDABLE: Record<PolicyId, readonly Overridable[]> = Object.fromEntries(
  POLICY_IDS.map((id) => [id, ALL.filter((o) => o.targets(SUPPORT_RULES[id]).length > 0)]),
) as unknown as Record<PolicyId, readonly Overridable[]>
