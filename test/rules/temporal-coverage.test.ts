import { describe, expect, test } from 'vitest'
import {
  dates,
  dueDates,
  escalationStep,
  inSegment,
  type Parameter,
  POLICY_IDS,
  PACK_PERIODS,
  type PolicyId,
  postingRequirement,
  SUPPORT_PERIODS,
  SUPPORT_RULES,
  TEAM_DATA,
  segmentsOf,
  serviceCredit,
  valueAt,
} from '../../rules'

// Every parameter of a pack must hold exactly one value on every day of the pack's period, and none outside it:
// a gap would make an evaluator guess, an overrun would apply a rule after its text stopped.

function isParameter(value: unknown): value is Parameter<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.description === 'string' && typeof v.unit === 'string' && typeof v.values === 'object'
}

function parametersOf(value: unknown, seen = new Set<unknown>()): Parameter<unknown>[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return []
  seen.add(value)
  if (isParameter(value)) return [value]
  return Object.values(value).flatMap((v) => parametersOf(v, seen))
}

/** The first day of the period, then the same day each month, then the last day. */
function monthlySteps(from: string, until: string): string[] {
  const out: string[] = []
  for (let d = from; d < until; d = dates.addMonths(d, 1)) out.push(d)
  out.push(dates.addDays(until, -1))
  return out
}

describe.each(POLICY_IDS.map((id) => ({ id })))('$id', ({ id }: { id: PolicyId }) => {
  const period = SUPPORT_PERIODS[id]
  const parameters = [PACK_PERIODS[id], ...parametersOf(SUPPORT_RULES[id]), ...parametersOf(TEAM_DATA[id])]
  const before = dates.addDays(period.from, -1)

  test('the pack has parameters', () => {
    expect(parameters.length).toBeGreaterThan(1)
  })

  test.each(monthlySteps(period.from, period.until))('exactly one value of every parameter applies on %s', (day) => {
    for (const p of parameters) {
      const holding = segmentsOf(p).filter((s) => inSegment(s, day))
      expect(holding, `${p.description} on ${day}`).toHaveLength(1)
      expect(valueAt(p, day).covered, `${p.description} on ${day}`).toBe(true)
    }
  })

  test(`nothing applies the day before the period (${before}) or the day it ends (${period.until})`, () => {
    for (const p of parameters) {
      expect(valueAt(p, before), p.description).toMatchObject({ covered: false, why: 'not_started' })
      expect(valueAt(p, period.until), p.description).toMatchObject({ covered: false, why: 'ended' })
    }
  })

  test('every evaluator answers "not covered" outside the period', () => {
    for (const day of [before, period.until]) {
      expect(postingRequirement(id, {}, day).covered).toBe(false)
      expect(serviceCredit(id, {}, day).covered).toBe(false)
      expect(escalationStep(id, 1, day).covered).toBe(false)
    }
    expect(dueDates(id, dates.yearOf(before)).covered).toBe(dates.yearOf(before) === dates.yearOf(period.from))
    expect(dueDates(id, dates.yearOf(period.from) - 1).covered).toBe(false)
    expect(dueDates(id, dates.yearOf(dates.addDays(period.until, -1)) + 1).covered).toBe(false)
  })

  test('every evaluator answers inside the period', () => {
    for (const day of [period.from, dates.addDays(period.until, -1)]) {
      expect(postingRequirement(id, {}, day).covered).toBe(true)
      expect(serviceCredit(id, {}, day).covered).toBe(true)
      expect(escalationStep(id, 1, day).covered).toBe(true)
      expect(dueDates(id, dates.yearOf(day)).covered).toBe(true)
    }
  })
})
