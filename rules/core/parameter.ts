import { z } from 'zod'
import { Source } from './source'

/** A calendar date in the policy's own time zone, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
export type IsoDate = z.infer<typeof IsoDate>

/**
 * A dated policy value (OpenFisca style): each value holds from its date until the next one (half-open);
 * a `null` value ends the parameter. Before the first date nothing is known and the evaluator must say so.
 */
export interface Parameter<T> {
  description: string
  unit: string
  values: Record<IsoDate, { value: T | null; source: Source }>
}

export type ParameterAt<T> =
  | { covered: true; value: T; source: Source; from: IsoDate; until: IsoDate | null }
  | { covered: false; why: 'not_started' | 'ended'; source: Source | null; from: IsoDate | null }

/** Validates a parameter's shape at load time and returns it unchanged, keeping its value type. */
export function defineParameter<T>(valueSchema: z.ZodType<T>, parameter: Parameter<T>): Parameter<T> {
  const entry = z.object({ value: valueSchema.nullable(), source: Source })
  z.object({ description: z.string().min(1), unit: z.string().min(1), values: z.record(IsoDate, entry) })
    .refine((p) => Object.keys(p.values).length > 0, 'a parameter needs at least one dated value')
    .parse(parameter)
  return parameter
}

/** The value of a parameter on `asOf`, or why there is none. Pure: the date is an argument, never the clock. */
export function valueAt<T>(parameter: Parameter<T>, asOf: IsoDate): ParameterAt<T> {
  // One pass instead of sorting the dates: every eligibility answer asks this once per programme.
  let from: IsoDate | null = null
  let until: IsoDate | null = null
  for (const date of Object.keys(parameter.values)) {
    if (date <= asOf) {
      if (from === null || date > from) from = date
    } else if (until === null || date < until) until = date
  }
  if (from === null) return { covered: false, why: 'not_started', source: null, from: null }
  const entry = parameter.values[from]!
  if (entry.value === null) return { covered: false, why: 'ended', source: entry.source, from }
  return { covered: true, value: entry.value, source: entry.source, from, until }
}
