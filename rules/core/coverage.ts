import type { Check } from './decision'
import { addDays, yearStart } from './dates'
import { type IsoDate, type Parameter, valueAt } from './parameter'
import { segmentsOf } from './segments'

/** Whether a pack runs on `asOf`, as a named check: outside its period an evaluator answers "not covered", never guesses. */
export function packPeriodCheck(period: Parameter<true>, asOf: IsoDate): Check {
  const at = valueAt(period, asOf)
  const label = period.description
  if (at.covered) {
    const by = at.source.continuedBy
    const reason = by ? `${asOf}在 ${by.document} 延续期（${by.from} 起${by.until ? `至 ${by.until}` : ''}）内` : `${asOf}在本文件实施期（${label}）内`
    return { name: 'period', status: 'passed', reason, source: at.source }
  }
  if (at.why === 'ended') {
    const by = at.source?.continuedBy
    const span = by ? `${by.document} 延续期` : `本文件实施期（${label}）`
    return {
      name: 'period',
      status: 'failed',
      reason: `${span}已于${addDays(at.from!, -1)}结束，${asOf}不在实施期内，本文件对此不作规定`,
      source: at.source!,
    }
  }
  const first = segmentsOf(period)[0]!
  return {
    name: 'period',
    status: 'failed',
    reason: `${asOf}早于本文件实施期（${label}，自${first.from}起），本文件对此不作规定`,
    source: first.source,
  }
}

/** Whether any day of `year` falls inside the pack's period. */
export function periodCoversYear(period: Parameter<true>, year: number): boolean {
  const from = yearStart(year)
  const until = yearStart(year + 1)
  return segmentsOf(period).some((s) => s.from < until && (s.until === null || s.until > from))
}
