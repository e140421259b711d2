import { dayOfMonth, monthKey, monthsOfYear, yearOf, yearStart } from '../core/dates'
import { packPeriodCheck, periodCoversYear } from '../core/coverage'
import type { PolicyId } from '../core/pack'
import type { IsoDate } from '../core/parameter'
import { inSegment, type Segment, segmentsOf } from '../core/segments'
import type { Source } from '../core/source'
import { POLICY_META } from '../policies/meta'
import type { Successor } from '../core/successor'
import { continuedRules } from '../policies/continued'
import type { Audience, CalendarEntry, DueRule } from './types'

/** One concrete deadline; `periodKey` ('2015', '2015-07' or the date) names the period it closes, for job dedupe. */
export interface DueDate {
  key: string
  periodKey: string
  title: string
  due: IsoDate
  opens?: IsoDate
  audience: Audience
  audienceDetail: string
  source: Source
  /** The date lies before the text was issued: the text sets it, but nobody could have been reminded in time. */
  beforeIssuance?: true
}

/** A duty the text sets without a date ("及时", "按年度"); listed so the office still sees it. */
export interface UndatedDuty {
  key: string
  title: string
  cadence: 'yearly' | 'ongoing'
  audience: Audience
  audienceDetail: string
  source: Source
}

export type DueDatesAnswer =
  | { policyId: PolicyId; year: number; covered: true; dates: DueDate[]; undated: UndatedDuty[] }
  | { policyId: PolicyId; year: number; covered: false; reason: string; source: Source; dates: []; undated: [] }

type Dated = Exclude<DueRule, { kind: 'undated' }>

function candidates(rule: Dated, year: number): { due: IsoDate; opens?: IsoDate; periodKey: string }[] {
  switch (rule.kind) {
    case 'yearly': {
      const opens = rule.opens ? dayOfMonth(year, rule.opens.month, rule.opens.day) : undefined
      return [{ due: dayOfMonth(year, rule.month, rule.day), periodKey: String(year), ...(opens ? { opens } : {}) }]
    }
    case 'monthly':
      return monthsOfYear().map((month) => {
        const due = dayOfMonth(year, month, rule.day)
        return { due, periodKey: monthKey(due) }
      })
    case 'once':
      return yearOf(rule.date) === year ? [{ due: rule.date, periodKey: rule.date, ...(rule.opens ? { opens: rule.opens } : {}) }] : []
  }
}

function overlapsYear(segment: Segment<unknown>, year: number): boolean {
  return segment.from < yearStart(year + 1) && (segment.until === null || segment.until > yearStart(year))
}

// A date counts when the rule that produced it is the one in force on that date: Henan's 2015-only dates and the
// later yearly ones never both fire.
function datesOf(entry: CalendarEntry, year: number, issuedOn: IsoDate | null): { dates: DueDate[]; undated: UndatedDuty[] } {
  const dates: DueDate[] = []
  const undated: UndatedDuty[] = []
  const shared = { key: entry.key, title: entry.title, audience: entry.audience, audienceDetail: entry.audienceDetail }
  for (const segment of segmentsOf(entry.due)) {
    if (!overlapsYear(segment, year)) continue
    const rule = segment.value
    if (rule.kind === 'undated') {
      if (!undated.some((u) => u.key === entry.key)) undated.push({ ...shared, cadence: rule.cadence, source: segment.source })
      continue
    }
    for (const c of candidates(rule, year)) {
      if (!inSegment(segment, c.due)) continue
      const early = issuedOn !== null && c.due < issuedOn ? { beforeIssuance: true as const } : {}
      dates.push({ ...shared, ...c, source: segment.source, ...early })
    }
  }
  return { dates, undated }
}

/**
 * The concrete deadlines a pack sets in `year`, as 'YYYY-MM-DD' ("5月底" = 05-31), oldest first, each with who must
 * act and the clause. A year outside the pack's period is "not covered" and says why.
 */
export function dueDates(policyId: PolicyId, year: number, successors: readonly Successor[] = []): DueDatesAnswer {
  if (!Number.isInteger(year)) throw new RangeError(`year must be a whole number, got ${year}`)
  const rules = continuedRules(policyId, successors)
  if (!periodCoversYear(rules.period, year)) {
    const check = packPeriodCheck(rules.period, yearStart(year))
    return { policyId, year, covered: false, reason: `${year}年不在本文件实施期（${rules.period.description}）内`, source: check.source, dates: [], undated: [] }
  }
  const issuedOn = POLICY_META[policyId].issuedOn
  const parts = rules.calendar.map((entry) => datesOf(entry, year, issuedOn))
  const dates = parts.flatMap((p) => p.dates).sort((a, b) => (a.due === b.due ? a.key.localeCompare(b.key) : a.due < b.due ? -1 : 1))
  return { policyId, year, covered: true, dates, undated: parts.flatMap((p) => p.undated) }
}
