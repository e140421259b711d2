import { z } from 'zod'
import type { PolicyId } from '../core/pack'
import { defineParameter, type IsoDate, type Parameter } from '../core/parameter'
import type { Source } from '../core/source'
import { POLICY_META } from './meta'

/** A pack's period as its text states it: from `from` until (not including) `until`, each end with its clause. */
export interface PackPeriod {
  description: string
  from: IsoDate
  until: IsoDate
  startSource: Source
  endSource: Source
}

/** A `cite(clause, quote)` bound to one pack's document; `quote` must be copied from that text. */
export function citer(policyId: PolicyId): (clause: string, quote: string) => Source {
  const document = POLICY_META[policyId].document
  return (clause, quote) => ({ document, clause, quote })
}

/** The period as a parameter: `true` while the pack runs, then `null`. */
export function periodParameter(period: PackPeriod): Parameter<true> {
  return defineParameter(z.literal(true), {
    description: period.description,
    unit: 'running',
    values: {
      [period.from]: { value: true, source: period.startSource },
      [period.until]: { value: null, source: period.endSource },
    },
  })
}

/** A value that holds for the whole period of its pack (most rules: they start and end with the programme). */
export function throughout<T>(
  schema: z.ZodType<T>,
  period: PackPeriod,
  meta: { description: string; unit: string },
  value: T,
  source: Source,
): Parameter<T> {
  return staged(schema, period, meta, { [period.from]: { value, source } })
}

/** Values that change inside the period (Henan's 2015-only dates); the period's end closes the last one. */
export function staged<T>(
  schema: z.ZodType<T>,
  period: PackPeriod,
  meta: { description: string; unit: string },
  stages: Record<IsoDate, { value: T; source: Source }>,
): Parameter<T> {
  return defineParameter(schema, {
    ...meta,
    values: { ...stages, [period.until]: { value: null, source: period.endSource } },
  })
}
