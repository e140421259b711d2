import { z } from 'zod'
import { defineParameter, type IsoDate, type Parameter } from '../../core/parameter'
import type { Source } from '../../core/source'
import type { Cited, Statement } from '../../eligibility/programme'
import { POLICY_META } from '../meta'

const DOCUMENT = POLICY_META['henan-2015'].document

/** A source in 豫卫发〔2015〕2号; `quote` must be copied from the text. */
export function cite(clause: string, quote: string): Source {
  return { document: DOCUMENT, clause, quote }
}

/** A threshold with its clause. */
export function cited<T>(value: T, clause: string, quote: string): Cited<T> {
  return { value, source: cite(clause, quote) }
}

/** A sentence for the applicant with its clause. */
export function say(text: string, clause: string, quote: string): Statement {
  return { text, source: cite(clause, quote) }
}

/** A programme period: running from `from` until (not including) `until`, both dates citing the same words. */
export function programmePeriod(description: string, from: IsoDate, until: IsoDate, source: Source): Parameter<true> {
  return defineParameter(z.literal(true), {
    description,
    unit: 'running',
    values: { [from]: { value: true, source }, [until]: { value: null, source } },
  })
}
