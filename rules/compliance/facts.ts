import type { PostingFacts, PostingMode } from '../posting/types'
import type { CompliancePack } from './pack'
import type { PostedPerson, ReceivingOrgFacts } from './types'

/** The posting's mode, or the pack's default where the roster names none. */
export function modeOf(pack: CompliancePack, person: Pick<PostedPerson, 'mode'>): PostingMode | undefined {
  return person.mode ?? pack.posting.defaultMode
}

/** What the selectors ask of the receiving org itself. */
export function orgFacts(facts: ReceivingOrgFacts, mode: PostingMode | undefined): PostingFacts {
  const { level, kind, deepPovertyCounty } = facts.org
  return { receivingLevel: level, receivingKind: kind, deepPovertyCounty, mode }
}

/** What the selectors ask of one posted person at the org. */
export function personFacts(pack: CompliancePack, facts: ReceivingOrgFacts, person: PostedPerson): PostingFacts {
  return { ...orgFacts(facts, modeOf(pack, person)), role: person.role, title: person.title, seniorAttending: person.seniorAttending }
}

/** The people on post on the reference day, grouped by mode: a team is the people serving one way at one org. */
export function teamsOnPost(pack: CompliancePack, facts: ReceivingOrgFacts): { mode: PostingMode | undefined; members: PostedPerson[] }[] {
  const groups = new Map<PostingMode | undefined, PostedPerson[]>()
  for (const person of facts.people.filter((p) => p.onPost)) {
    const mode = modeOf(pack, person)
    groups.set(mode, [...(groups.get(mode) ?? []), person])
  }
  // An org with nobody on post still owes a team: it is counted as an empty team of the pack's usual mode.
  if (groups.size === 0) groups.set(pack.posting.defaultMode, [])
  return [...groups].map(([mode, members]) => ({ mode, members }))
}
