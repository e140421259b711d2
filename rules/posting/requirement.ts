import { type Check, combine, type Outcome } from '../core/decision'
import type { PolicyId } from '../core/pack'
import { type IsoDate, type Parameter, valueAt } from '../core/parameter'
import type { Source } from '../core/source'
import type { Successor } from '../core/successor'
import { continuedRules } from '../policies/continued'
import { describeDuty } from './describe'
import { POSTING_FACT_TEXT } from './labels'
import { matchSelector, withDefaults } from './selector'
import type { DutyPattern, PostingFactName, PostingFacts, Provision, Selector } from './types'
import { checkWhoMayBeSent } from './who-may-be-sent'

/** The duty a posting is judged against, or why there is none yet. */
export type DutyAnswer =
  | { status: 'found'; pattern: DutyPattern; text: string; source: Source }
  | { status: 'unknown'; missing: PostingFactName[]; reason: string; source: Source }
  | { status: 'none'; reason: string }

/** A provision that applies to the posting, or would if a missing fact turns out as the rule says. */
export interface ProvisionAnswer extends Provision {
  applies: true | 'unknown'
  missing: PostingFactName[]
  source: Source
}

/** What a text asks of one posting on a date: duty pattern, who may be sent, and the numbers around it. */
export interface PostingRequirement {
  policyId: PolicyId
  asOf: IsoDate
  covered: boolean
  /** Whether this person may be sent: failed beats unknown beats passed. */
  outcome: Outcome
  checks: Check[]
  duty: DutyAnswer
  provisions: ProvisionAnswer[]
  /** Facts whose absence leaves the duty or a check open. */
  missing: PostingFactName[]
}

function factsText(missing: PostingFactName[]): string {
  return missing.map((m) => POSTING_FACT_TEXT[m]).join('、')
}

// First match wins: a rule whose facts are still missing blocks later ones, so the answer asks rather than guesses.
function selectDuty(rules: { when: Selector; pattern: Parameter<DutyPattern> }[], facts: PostingFacts, asOf: IsoDate): DutyAnswer {
  for (const rule of rules) {
    const at = valueAt(rule.pattern, asOf)
    if (!at.covered) continue
    const match = matchSelector(rule.when, facts)
    if (match.kind === 'no') continue
    if (match.kind === 'unknown') {
      return {
        status: 'unknown',
        missing: match.missing,
        reason: `需先确定${factsText(match.missing)}，才能确定驻点要求`,
        source: at.source,
      }
    }
    return { status: 'found', pattern: at.value, text: describeDuty(at.value), source: at.source }
  }
  return { status: 'none', reason: '本文件对这类派驻未规定驻点天数或频次' }
}

// Within one key the first definite match wins; rules still open on a missing fact are listed as conditional.
function selectProvisions(
  rules: { when: Selector; provision: Parameter<Provision> }[],
  facts: PostingFacts,
  asOf: IsoDate,
): ProvisionAnswer[] {
  const settled = new Set<string>()
  const out: ProvisionAnswer[] = []
  for (const rule of rules) {
    const at = valueAt(rule.provision, asOf)
    if (!at.covered || settled.has(at.value.key)) continue
    const match = matchSelector(rule.when, facts)
    if (match.kind === 'no') continue
    if (match.kind === 'yes') settled.add(at.value.key)
    const missing = match.kind === 'unknown' ? match.missing : []
    out.push({ ...at.value, applies: match.kind === 'yes' ? true : 'unknown', missing, source: at.source })
  }
  return out
}

/**
 * The requirement a pack sets for a posting on `asOf`: the duty pattern attendance is judged against, the
 * who-may-be-sent checks, and the team sizes, quotas, ratios and weekly duties that apply, each with its clause.
 * Outside the pack's period everything is "not covered".
 */
export function postingRequirement(policyId: PolicyId, posting: PostingFacts, asOf: IsoDate, successors: readonly Successor[] = []): PostingRequirement {
  const rules = continuedRules(policyId, successors)
  const checks = checkWhoMayBeSent(policyId, posting, asOf, successors)
  const period = checks[0]!
  if (period.status === 'failed') {
    return {
      policyId,
      asOf,
      covered: false,
      outcome: false,
      checks,
      duty: { status: 'none', reason: period.reason },
      provisions: [],
      missing: [],
    }
  }
  const facts = withDefaults(rules.posting, posting)
  const duty = selectDuty(rules.posting.duty, facts, asOf)
  const missing = new Set<PostingFactName>(duty.status === 'unknown' ? duty.missing : [])
  for (const check of checks) for (const m of check.missing ?? []) missing.add(m as PostingFactName)
  return {
    policyId,
    asOf,
    covered: true,
    outcome: combine(checks),
    checks,
    duty,
    provisions: selectProvisions(rules.posting.provisions, facts, asOf),
    missing: [...missing],
  }
}
