import type { PostingFactName, PostingFacts, PostingRules, Selector } from './types'

/** Whether a rule is about a posting: yes, no, or not yet known because a fact it depends on is missing. */
export type Match = { kind: 'yes' } | { kind: 'no' } | { kind: 'unknown'; missing: PostingFactName[] }

const DIMENSIONS: [keyof Selector, PostingFactName][] = [
  ['titles', 'title'],
  ['modes', 'mode'],
  ['receivingLevels', 'receivingLevel'],
  ['receivingKinds', 'receivingKind'],
  ['supportingLevels', 'supportingLevel'],
  ['roles', 'role'],
]

/** A known mismatch on any dimension settles "no" even while other facts are missing. */
export function matchSelector(selector: Selector, facts: PostingFacts): Match {
  const missing: PostingFactName[] = []
  for (const [key, fact] of DIMENSIONS) {
    const allowed = selector[key] as readonly unknown[] | undefined
    if (!allowed) continue
    const value = facts[fact]
    if (value === undefined) missing.push(fact)
    else if (!allowed.includes(value)) return { kind: 'no' }
  }
  if (selector.deepPovertyCounty !== undefined) {
    if (facts.deepPovertyCounty === undefined) missing.push('deepPovertyCounty')
    else if (facts.deepPovertyCounty !== selector.deepPovertyCounty) return { kind: 'no' }
  }
  return missing.length > 0 ? { kind: 'unknown', missing } : { kind: 'yes' }
}

/** The posting's facts with the pack's default mode filled in where the posting names none. */
export function withDefaults(rules: PostingRules, facts: PostingFacts): PostingFacts {
  return facts.mode === undefined && rules.defaultMode !== undefined ? { ...facts, mode: rules.defaultMode } : facts
}
