import type { IsoDate, Parameter } from './parameter'
import type { Source } from './source'

/** One stretch of a parameter: `value` holds from `from` until (not including) `until`; `until` null = open-ended. */
export interface Segment<T> {
  from: IsoDate
  until: IsoDate | null
  value: T
  source: Source
}

/** The stretches in which a parameter has a value, oldest first; stretches ended by `null` are left out. */
export function segmentsOf<T>(parameter: Parameter<T>): Segment<T>[] {
  const dates = Object.keys(parameter.values).sort()
  const out: Segment<T>[] = []
  dates.forEach((from, i) => {
    const entry = parameter.values[from]!
    if (entry.value === null) return
    out.push({ from, until: dates[i + 1] ?? null, value: entry.value, source: entry.source })
  })
  return out
}

/** Whether `date` falls inside a segment. */
export function inSegment(segment: Pick<Segment<unknown>, 'from' | 'until'>, date: IsoDate): boolean {
  return date >= segment.from && (segment.until === null || date < segment.until)
}
