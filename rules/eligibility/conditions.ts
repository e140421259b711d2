import type { IsoDate } from '../core/parameter'
import { type Check, combine } from '../core/decision'
import { MemoByParts } from '../core/memo'
import { FIELD_LABELS } from './labels'
import { defaultRequirement, findLeaf, leafFacts, type LeafCondition } from './leaf-checks'
import type { Condition } from './programme'
import type { Profile, ProfileField } from './profile'

/** A check whose criterion has alternatives or parts keeps them, so a reply can show which route failed. */
export interface EligibilityCheck extends Check {
  missing?: ProfileField[]
  children?: EligibilityCheck[]
}

/** The profile fields an unknown check waits for, in the order the checks ask them. */
export function missingOf(checks: readonly EligibilityCheck[]): ProfileField[] {
  const missing = new Set<ProfileField>()
  for (const c of checks) if (c.status === 'unknown' && c.missing) for (const field of c.missing) missing.add(field)
  return [...missing]
}

// A criterion's wording depends on the criterion alone, and programmes are data loaded once: word each one once.
const requirements = new WeakMap<LeafCondition, string>()

function requirementOf(c: LeafCondition): string {
  if (c.requirement != null) return c.requirement
  let requirement = requirements.get(c)
  if (requirement === undefined) requirements.set(c, (requirement = defaultRequirement(c)))
  return requirement
}

// Wording a check is most of an answer's work, and a criterion meets few distinct combinations of facts: each leaf
// is worded once per combination (its `leafFacts`), and a criterion with parts once per combination of its parts'
// checks. The checks are frozen because answers share them.
const leafChecks = new MemoByParts<LeafCondition, EligibilityCheck>()
const partChecks = new MemoByParts<Condition, EligibilityCheck>()

function evaluateLeaf(c: LeafCondition, profile: Profile, asOf: IsoDate): EligibilityCheck {
  const facts = leafFacts(c, profile, asOf)
  return leafChecks.get(c, facts) ?? leafChecks.set(c, facts, frozen(wordLeaf(c, profile, asOf)))
}

function frozen(check: EligibilityCheck): EligibilityCheck {
  if (check.missing) Object.freeze(check.missing)
  if (check.children) Object.freeze(check.children)
  return Object.freeze(check)
}

function wordLeaf(c: LeafCondition, profile: Profile, asOf: IsoDate): EligibilityCheck {
  const requirement = requirementOf(c)
  const source = 'source' in c ? c.source : sourceOf(c)
  const finding = findLeaf(c, profile, asOf)
  if (finding.holds === 'unknown') {
    const what = finding.missing.map((f) => FIELD_LABELS[f]).join('、')
    return {
      name: c.check,
      status: 'unknown',
      reason: `尚未提供${what}，无法判断是否符合“${requirement}”的要求`,
      source,
      missing: finding.missing,
    }
  }
  const verdict = finding.holds ? '符合' : '不符合'
  return {
    name: c.check,
    status: finding.holds ? 'passed' : 'failed',
    reason: `${finding.fact}，${verdict}“${requirement}”的要求`,
    source,
  }
}

function sourceOf(c: Exclude<LeafCondition, { source: unknown }>) {
  switch (c.check) {
    case 'education':
      return 'atLeast' in c ? c.atLeast.source : c.oneOf.source
    case 'major':
    case 'licence':
    case 'employerLevel':
    case 'employerKind':
      return c.allowed.source
    case 'title':
      return c.atLeast.source
    case 'clinicalYears':
      return c.atLeast.source
    case 'age':
      return c.maxInSelectionYear.source
    case 'retirement':
      return c.retiredAllowed.source
    case 'establishmentExclusion':
      return c.levels.source
  }
}

/** Evaluates one criterion (recursively for `anyOf`/`allOf`) into a named check with a Chinese reason. */
export function evaluateCondition(c: Condition, profile: Profile, asOf: IsoDate): EligibilityCheck {
  if (c.check !== 'anyOf' && c.check !== 'allOf') return evaluateLeaf(c, profile, asOf)
  const children: EligibilityCheck[] = []
  for (const child of c.conditions) children.push(evaluateCondition(child, profile, asOf))
  return partChecks.get(c, children) ?? partChecks.set(c, children, frozen(wordParts(c, children)))
}

function wordParts(c: Extract<Condition, { check: 'anyOf' | 'allOf' }>, children: EligibilityCheck[]): EligibilityCheck {
  const requirement = c.requirement
  const status = c.check === 'allOf' ? outcomeStatus(combine(children)) : anyStatus(children)
  if (status === 'unknown') {
    const open = withStatus(children, 'unknown')
    const detail = joinReasons(open, c.check === 'anyOf')
    return { name: c.name, status, source: c.source, children, reason: `尚不能确定是否符合“${requirement}”：${detail}`, missing: missingOf(open) }
  }
  if (c.check === 'anyOf') {
    if (status === 'passed') return { name: c.name, status, source: c.source, children, reason: `符合“${requirement}”：${withStatus(children, 'passed')[0]!.reason}` }
    return { name: c.name, status, source: c.source, children, reason: `不符合“${requirement}”中的任何一种：${joinReasons(children, true)}` }
  }
  return { name: c.name, status, source: c.source, children, reason: joinReasons(withStatus(children, status)) }
}

function withStatus(checks: readonly EligibilityCheck[], status: Check['status']): EligibilityCheck[] {
  return checks.filter((c) => c.status === status)
}

function joinReasons(checks: readonly EligibilityCheck[], numbered = false): string {
  return checks.map((c, i) => (numbered ? `（${i + 1}）${c.reason}` : c.reason)).join('；')
}

function outcomeStatus(outcome: ReturnType<typeof combine>): Check['status'] {
  return outcome === true ? 'passed' : outcome === false ? 'failed' : 'unknown'
}

/** Alternatives: one passing route is enough; all must fail to fail. */
function anyStatus(children: readonly EligibilityCheck[]): Check['status'] {
  if (children.some((c) => c.status === 'passed')) return 'passed'
  if (children.every((c) => c.status === 'failed')) return 'failed'
  return 'unknown'
}
