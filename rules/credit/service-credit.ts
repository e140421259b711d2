import { packPeriodCheck } from '../core/coverage'
import { type Span, spanDayBounds } from '../core/dates'
import { type Check, combine, type Outcome } from '../core/decision'
import type { PolicyId } from '../core/pack'
import { type IsoDate, type Parameter, valueAt } from '../core/parameter'
import type { Source } from '../core/source'
import { TITLE_TEXT } from '../posting/labels'
import type { Successor } from '../core/successor'
import { continuedRules } from '../policies/continued'
import { afterResidencyCheck } from './after-residency'
import { employerInScope } from './employer-scope'
import { evaluateRecord, type RecordResult } from './records'
import { lengthCheck } from './length'
import type { CreditFacts, Elsewhere, Prerequisite, Priority } from './types'

/** How a pack ties promotion to service: a prerequisite, another document, priority only, or not at all. */
export type CreditBasisKind = 'prerequisite' | 'elsewhere' | 'priority' | 'none'

/** The service-credit answer for one promotion on a date, with one named check per criterion. */
export interface ServiceCreditAnswer {
  policyId: PolicyId
  asOf: IsoDate
  covered: boolean
  basis: CreditBasisKind
  /** Whether the service condition for this promotion is met; 'unknown' also when the text leaves the length open. */
  outcome: Outcome
  checks: Check[]
  /** Days of service that count (records whose every rule passed). */
  creditedDays: number
  /** The length the text requires, in its own unit; null when it requires service without saying how long. */
  required: Span | null
  /** The fewest and most calendar days `required` can mean. */
  requiredDays: { min: number; max: number } | null
  records: RecordResult[]
  /** Obligations that are not promotion conditions (Henan's new-graduate stint); they do not change `outcome`. */
  obligations: Check[]
  notes: { text: string; source: Source }[]
  missing: string[]
}

function at<T>(parameter: Parameter<T> | undefined, asOf: IsoDate): { value: T; source: Source } | null {
  if (!parameter) return null
  const found = valueAt(parameter, asOf)
  return found.covered ? { value: found.value, source: found.source } : null
}

function prerequisiteChecks(
  prereq: { value: Prerequisite; source: Source },
  facts: CreditFacts,
  records: RecordResult[],
  inputs: CreditFacts['records'],
): Check[] {
  const scope = prereq.value.employers ? employerInScope(prereq.value.employers, facts.employer) : { kind: 'yes' as const }
  const base = { name: 'employer', source: prereq.source }
  if (scope.kind === 'unknown') {
    return [{ ...base, status: 'unknown', reason: `需要工作单位层级才能判断是否适用：${prereq.value.requirement}`, missing: scope.missing }]
  }
  if (scope.kind === 'no') {
    return [{ ...base, status: 'passed', reason: `本单位不在要求范围内，无需下派服务：${prereq.value.requirement}` }]
  }
  return [lengthCheck(prereq, records, inputs ?? null)]
}

type Found<T> = { value: T; source: Source } | null
interface Bases {
  prereq: Found<Prerequisite>
  elsewhere: Found<Elsewhere>
  priority: Found<Priority>
}

// One basis decides: the prerequisite if it names this title, else another document, else priority, else nothing.
function decide(bases: Bases, facts: CreditFacts, records: RecordResult[]): { basis: CreditBasisKind; checks: Check[] } {
  const { prereq, elsewhere, priority } = bases
  const anchor = (prereq ?? elsewhere ?? priority)!
  const anchorKind: CreditBasisKind = prereq ? 'prerequisite' : elsewhere ? 'elsewhere' : 'priority'
  const target = facts.targetTitle
  if (target === undefined) {
    const check: Check = { name: 'targetTitle', status: 'unknown', reason: '需要拟晋升的职称才能判断', source: anchor.source, missing: ['targetTitle'] }
    return { basis: anchorKind, checks: [check] }
  }
  if (prereq && prereq.value.targetTitles.includes(target)) {
    return { basis: 'prerequisite', checks: prerequisiteChecks(prereq, facts, records, facts.records) }
  }
  if (elsewhere && elsewhere.value.targetTitles.includes(target)) {
    const reason = `所需服务以其他文件为准：${elsewhere.value.requirement}`
    return { basis: 'elsewhere', checks: [{ name: 'serviceRequirement', status: 'unknown', reason, source: elsewhere.source }] }
  }
  if (priority && (priority.value.titles === undefined || priority.value.titles.includes(target))) {
    const reason = `不是必备条件，表现突出者优先：${priority.value.requirement}`
    return { basis: 'priority', checks: [{ name: 'priority', status: 'passed', reason, source: priority.source }] }
  }
  const reason = `本文件未要求晋升${TITLE_TEXT[target]}前下派服务`
  return { basis: anchorKind, checks: [{ name: 'notRequired', status: 'passed', reason, source: anchor.source }] }
}

/**
 * Whether service counts toward a promotion under a pack on `asOf`: which records are credited (kinds, continuity,
 * assessment, filing), how many days they add up to, and whether that meets the text's requirement. Texts that only
 * promise priority answer true; texts that defer to another document, or leave the length open, answer 'unknown'.
 */
export function serviceCredit(policyId: PolicyId, facts: CreditFacts, asOf: IsoDate, successors: readonly Successor[] = []): ServiceCreditAnswer {
  const rules = continuedRules(policyId, successors)
  const period = packPeriodCheck(rules.period, asOf)
  const empty = { policyId, asOf, creditedDays: 0, required: null, requiredDays: null, records: [], obligations: [], notes: [], missing: [] }
  if (period.status === 'failed') return { ...empty, covered: false, basis: 'none', outcome: false, checks: [period] }

  const credit = rules.credit
  const bases = { prereq: at(credit.prerequisite, asOf), elsewhere: at(credit.elsewhere, asOf), priority: at(credit.priority, asOf) }
  const recordRules = credit.records.map((r) => at(r, asOf)).filter((r) => r !== null)
  const records = (facts.records ?? []).map((r, i) => evaluateRecord(r, i, recordRules))
  const residency = at(credit.afterResidency, asOf)
  const obligation = residency ? afterResidencyCheck(residency.value, residency.source, facts, asOf) : null
  const notes = credit.notes
    .map((n) => at(n, asOf))
    .filter((n) => n !== null)
    .map((n) => ({ text: n.value.text, source: n.source }))
  const known = {
    ...empty,
    covered: true,
    records,
    creditedDays: records.filter((r) => r.status === 'credited').reduce((sum, r) => sum + (r.days ?? 0), 0),
    obligations: obligation ? [obligation] : [],
    notes,
  }
  if (!bases.prereq && !bases.elsewhere && !bases.priority) {
    return { ...known, basis: 'none', outcome: 'unknown', checks: [period] }
  }
  const { basis, checks } = decide(bases, facts, records)
  const all = [period, ...checks]
  // The required length is reported only where it is what decides the answer.
  const required = checks.some((c) => c.name === 'serviceLength') ? (bases.prereq?.value.required ?? null) : null
  return {
    ...known,
    basis,
    outcome: combine(all),
    checks: all,
    missing: [...new Set(all.flatMap((c) => c.missing ?? []))],
    required,
    requiredDays: required ? spanDayBounds(required) : null,
  }
}
