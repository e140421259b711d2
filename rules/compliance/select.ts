import { type IsoDate, type Parameter, valueAt } from '../core/parameter'
import type { Source } from '../core/source'
import { POSTING_FACT_TEXT } from '../posting/labels'
import { matchSelector } from '../posting/selector'
import type { PostingFactName, PostingFacts, Provision, Selector } from '../posting/types'

/** The rule that applies, the fact still needed to tell which one does, or none. */
export type Selected<T> =
  | { kind: 'found'; value: T; source: Source }
  | { kind: 'unknown'; missing: PostingFactName[]; value: T; source: Source }
  | { kind: 'none' }

/**
 * The first rule in force on `asOf` whose selector matches; a rule that waits on a missing fact blocks the later ones,
 * so an answer asks rather than guesses (as `postingRequirement` chooses a duty).
 */
export function firstRule<T>(rules: { when: Selector; rule: Parameter<T> }[], facts: PostingFacts, asOf: IsoDate): Selected<T> {
  for (const r of rules) {
    const at = valueAt(r.rule, asOf)
    if (!at.covered) continue
    const match = matchSelector(r.when, facts)
    if (match.kind === 'no') continue
    if (match.kind === 'unknown') return { kind: 'unknown', missing: match.missing, value: at.value, source: at.source }
    return { kind: 'found', value: at.value, source: at.source }
  }
  return { kind: 'none' }
}

/** The provision of `key` that applies, by the same first-match rule. */
export function provisionFor(
  provisions: { when: Selector; provision: Parameter<Provision> }[],
  key: string,
  facts: PostingFacts,
  asOf: IsoDate,
): Selected<Provision> {
  const ofKey = provisions.filter((p) => {
    const at = valueAt(p.provision, asOf)
    return at.covered && at.value.key === key
  })
  return firstRule(ofKey.map((p) => ({ when: p.when, rule: p.provision })), facts, asOf)
}

/** Every provision key in force on `asOf` whose provisions match `predicate`. */
export function provisionKeys(provisions: { provision: Parameter<Provision> }[], asOf: IsoDate, predicate: (p: Provision) => boolean): string[] {
  const keys = new Set<string>()
  for (const p of provisions) {
    const at = valueAt(p.provision, asOf)
    if (at.covered && predicate(at.value)) keys.add(at.value.key)
  }
  return [...keys]
}

/** Missing selector facts in Chinese, for "unknown — needs …". */
export function factNames(missing: PostingFactName[]): string[] {
  return missing.map((m) => POSTING_FACT_TEXT[m])
}
