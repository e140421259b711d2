import type { Source } from './source'

export type CheckStatus = 'passed' | 'failed' | 'unknown'

/** One named legal criterion, evaluated: a reply quotes `source` and, when unknown, asks for `missing`. */
export interface Check {
  name: string
  status: CheckStatus
  reason: string
  source: Source
  missing?: string[]
  /** For a period check on a day after the period: its last day, so a reply can fold ended programmes into one line. */
  endedOn?: string
}

export type Outcome = true | false | 'unknown'

/** Failed beats unknown beats passed: one failed condition settles the answer whatever is still open. */
export function combine(checks: readonly Check[]): Outcome {
  if (checks.some((c) => c.status === 'failed')) return false
  if (checks.some((c) => c.status === 'unknown')) return 'unknown'
  return true
}
