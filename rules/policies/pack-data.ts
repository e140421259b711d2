import { z } from 'zod'
import type { PolicyId } from '../core/pack'
import type { IsoDate, Parameter } from '../core/parameter'
import { type Audience, type CalendarEntry, DueRule } from '../calendar/types'
import { LadderStep } from '../escalation/types'
import {
  DutyPattern,
  Provision,
  type Selector,
  type SendRule,
  SendStatement,
  ServiceYearsRule,
  TitleRule,
} from '../posting/types'
import { SUPPORT_PERIODS } from './periods'
import { citer, staged, throughout } from './support-data'

/** A sentence a reply carries as context. */
export const Note = z.object({ text: z.string().min(1) })

/** A stage of a dated value: from its date, `value`, citing `clause` and `quote`. */
export type Stage<T> = [value: T, clause: string, quote: string]

/**
 * Builders for one pack's data: each value runs for the pack's period and cites a clause of its text, so a data file
 * reads as a list of rules with their quotes.
 */
export function packData(policyId: PolicyId) {
  const period = SUPPORT_PERIODS[policyId]
  const cite = citer(policyId)

  function always<T>(schema: z.ZodType<T>, description: string, unit: string, value: T, clause: string, quote: string) {
    return throughout(schema, period, { description, unit }, value, cite(clause, quote))
  }

  function stages<T>(
    schema: z.ZodType<T>,
    description: string,
    unit: string,
    byDate: Record<IsoDate, Stage<T>>,
  ): Parameter<T> {
    const values = Object.fromEntries(
      Object.entries(byDate).map(([from, [value, clause, quote]]) => [from, { value, source: cite(clause, quote) }]),
    )
    return staged(schema, period, { description, unit }, values)
  }

  return {
    cite,
    period,
    always,
    stages,
    duty(when: Selector, pattern: DutyPattern, clause: string, quote: string) {
      return { when, pattern: always(DutyPattern, '驻点与到岗要求', 'duty pattern', pattern, clause, quote) }
    },
    provision(when: Selector, provision: Provision, clause: string, quote: string) {
      return { when, provision: always(Provision, provision.text, provision.unit ?? provision.kind, provision, clause, quote) }
    },
    title(when: Selector, rule: TitleRule, clause: string, quote: string): SendRule {
      return { check: 'title', when, rule: always(TitleRule, rule.requirement, 'title', rule, clause, quote) }
    },
    serviceYears(when: Selector, rule: ServiceYearsRule, clause: string, quote: string): SendRule {
      return { check: 'serviceYears', when, rule: always(ServiceYearsRule, rule.requirement, '年', rule, clause, quote) }
    },
    statement(check: 'open' | 'outOfScope', when: Selector, requirement: string, clause: string, quote: string): SendRule {
      return { check, when, rule: always(SendStatement, requirement, 'statement', { requirement }, clause, quote) }
    },
    note(text: string, clause: string, quote: string) {
      return always(Note, text, 'note', { text }, clause, quote)
    },
    step(step: LadderStep, clause: string, quote: string) {
      return always(LadderStep, step.text, '次', step, clause, quote)
    },
    entry(
      key: string,
      title: string,
      audience: Audience,
      audienceDetail: string,
      rule: DueRule | Record<IsoDate, Stage<DueRule>>,
      clause?: string,
      quote?: string,
    ): CalendarEntry {
      const due =
        'kind' in rule
          ? always(DueRule, title, 'due date', rule as DueRule, clause!, quote!)
          : stages(DueRule, title, 'due date', rule as Record<IsoDate, Stage<DueRule>>)
      return { key, title, audience, audienceDetail, due }
    },
  }
}
