import { addDays } from '../core/dates'
import { memoByDate } from '../core/memo'
import { IsoDate, valueAt, type Parameter } from '../core/parameter'
import { combine, type Outcome } from '../core/decision'
import type { Source } from '../core/source'
import type { Successor } from '../core/successor'
import { POLICY_IDS } from '../core/pack'
import { continuedProgramme } from '../policies/continued'
import { HENAN_2015_PROGRAMMES } from '../policies/henan-2015/programmes'
import { type EligibilityCheck, evaluateCondition, missingOf } from './conditions'
import type { Programme, Statement } from './programme'
import type { Profile, ProfileField } from './profile'

/** Every programme a profile can be checked against (the Henan 2015 thirteen; other packs define none). */
export const PROGRAMMES: readonly Programme[] = HENAN_2015_PROGRAMMES

/** The answer for one programme; JSON-serialisable, shaped for `POST /api/eligibility` results. */
export interface EligibilityResult {
  programme: string
  name: string
  eligible: Outcome
  reasons: Statement[]
  missing: ProfileField[]
  attestations: readonly Statement[]
  obligations: readonly Statement[]
  benefits: readonly Statement[]
  checks: EligibilityCheck[]
}

/** Thrown for a programme id no pack defines; callers map it to a 400. */
export class UnknownProgrammeError extends Error {
  constructor(readonly programmeId: string) {
    super(`未知的计划：${programmeId}`)
    this.name = 'UnknownProgrammeError'
  }
}

/** The programme with this id, or an `UnknownProgrammeError`. */
const BY_ID = new Map(PROGRAMMES.map((p) => [p.id, p]))

export function findProgramme(id: string): Programme {
  const programme = BY_ID.get(id)
  if (!programme) throw new UnknownProgrammeError(id)
  return programme
}

/**
 * Whether the programme runs on `asOf`; outside its period the answer is "no" and the reason cites the period.
 * Every answer on one day asks each programme's period the same question, so the check is worded once per period
 * and date (frozen: answers share it).
 */
export const periodCheck: (period: Parameter<true>, asOf: IsoDate) => EligibilityCheck = memoByDate((period, asOf) => Object.freeze(wordPeriodCheck(period, asOf)))

function wordPeriodCheck(period: Parameter<true>, asOf: IsoDate): EligibilityCheck {
  const at = valueAt(period, asOf)
  const label = period.description
  if (at.covered) {
    const by = at.source.continuedBy
    const reason = by ? `查询日期${asOf}在 ${by.document} 延续期（${by.from} 起${by.until ? `至 ${by.until}` : ''}）内` : `查询日期${asOf}在本计划实施期（${label}）内`
    return { name: 'period', status: 'passed', reason, source: at.source }
  }
  if (at.why === 'ended') {
    return {
      name: 'period',
      status: 'failed',
      reason: `本计划实施期（${label}）已结束（自${at.from}起不再实施），查询日期${asOf}不在实施期内`,
      source: at.source!,
      endedOn: addDays(at.from!, -1),
    }
  }
  return {
    name: 'period',
    status: 'failed',
    reason: `查询日期${asOf}早于本计划实施期（${label}），计划尚未开始`,
    source: firstSource(period),
  }
}

function firstSource(period: Parameter<true>): Source {
  const first = Object.keys(period.values).sort()[0]!
  return period.values[first]!.source
}

/**
 * Whether `profile` qualifies for a programme on `asOf` ('YYYY-MM-DD'). Failed beats unknown beats passed; `missing`
 * is filled only while the answer is open; attestations are listed to confirm and never make it unknown.
 */
export function evaluateEligibility(profile: Profile, programmeId: string, asOf: IsoDate, successors: readonly Successor[] = []): EligibilityResult {
  IsoDate.parse(asOf)
  return evaluateProgramme(continued(findProgramme(programmeId), successors), profile, asOf)
}

// A programme's id starts with its pack's ("henan-2015/residency"): that pack's successors continue it.
function continued(programme: Programme, successors: readonly Successor[]): Programme {
  if (successors.length === 0) return programme
  const pack = POLICY_IDS.find((id) => programme.id.startsWith(`${id}/`))
  return pack ? continuedProgramme(programme, pack, successors) : programme
}

function evaluateProgramme(programme: Programme, profile: Profile, asOf: IsoDate): EligibilityResult {
  // Loops, not spreads and filter/map chains: this runs for every programme of every answer (bench/eligibility.ts).
  const checks: EligibilityCheck[] = [periodCheck(programme.period, asOf)]
  for (const condition of programme.conditions) checks.push(evaluateCondition(condition, profile, asOf))
  const eligible = combine(checks)
  const shown = eligible === true ? 'passed' : eligible === false ? 'failed' : 'unknown'
  const reasons: Statement[] = []
  for (const c of checks) if (c.status === shown) reasons.push({ text: c.reason, source: c.source })
  return {
    programme: programme.id,
    name: programme.name,
    eligible,
    reasons,
    missing: eligible === 'unknown' ? missingOf(checks) : [],
    attestations: programme.attestations,
    obligations: programme.obligations,
    benefits: programme.benefits,
    checks,
  }
}

/** Answers every programme (or those in `ids`, in that order) for one profile and date. */
export function evaluateAll(profile: Profile, asOf: IsoDate, ids?: readonly string[], successors: readonly Successor[] = []): EligibilityResult[] {
  const programmes = ids ? ids.map(findProgramme) : PROGRAMMES
  if (programmes.length === 0) return []
  // The date is checked once for all programmes rather than once for each.
  IsoDate.parse(asOf)
  return programmes.map((programme) => evaluateProgramme(continued(programme, successors), profile, asOf))
}
