import type { RosterSnapshot } from '../../../db/repositories/roster'
import { type OrgValues, type PairRef, pairKey, type PairValues, type PersonRef, personKey, type PersonValues, type PostingValues } from './plan-types'

/** A row that exists (with its id) or that this import plans to create (id null), with its values as names. */
export interface Entry<V> {
  id: string | null
  values: V
}

type Lookup<V> = { entry: Entry<V> } | { reason: string }

const push = <V>(map: Map<string, Entry<V>[]>, key: string, entry: Entry<V>) => map.set(key, [...(map.get(key) ?? []), entry])

/**
 * The tenant's roster as the planner sees it: what is stored, keyed by natural keys, plus what the plan adds as it
 * goes, so a later row can refer to an org or person an earlier row creates. Stored rows may share a natural key
 * (nothing in the schema forbids two orgs of one name); referring to such a key is an error, never a guess.
 */
export class World {
  readonly orgs = new Map<string, Entry<OrgValues>[]>()
  readonly people = new Map<string, Entry<PersonValues>[]>()
  readonly identities = new Map<string, Entry<{ person: PersonRef | null }>>()
  readonly roles = new Set<string>()
  readonly pairs = new Map<string, Entry<PairValues>[]>()
  readonly postings = new Map<string, Entry<PostingValues>[]>()

  constructor(snapshot: RosterSnapshot) {
    const orgName = new Map(snapshot.orgs.map((o) => [o.id, o.name]))
    const name = (id: string | null) => (id ? (orgName.get(id) ?? '') : '')
    for (const o of snapshot.orgs) push(this.orgs, o.name, { id: o.id, values: { level: o.level, kind: o.kind, parent: o.parentId ? name(o.parentId) : null, region: o.region } })
    const personRef = new Map<string, PersonRef>()
    for (const p of snapshot.people) {
      const ref = { name: p.name, employer: name(p.employerOrgId) }
      personRef.set(p.id, ref)
      push(this.people, personKey(ref), { id: p.id, values: { title: p.title, licence: p.licence } })
    }
    for (const i of snapshot.identities) this.identities.set(`${i.platform}:${i.externalId}`, { id: i.id, values: { person: personRef.get(i.personId) ?? null } })
    for (const r of snapshot.roles) {
      const person = personRef.get(r.personId)
      if (person) this.roles.add(roleKey(person, r.role, name(r.orgId)))
    }
    const pairRef = new Map<string, PairRef>()
    for (const p of snapshot.pairs) {
      const ref = { supporting: name(p.supportingOrgId), receiving: name(p.receivingOrgId), policyId: p.policyId }
      pairRef.set(p.id, ref)
      push(this.pairs, pairKey(ref), { id: p.id, values: { startsOn: p.startsOn, endsOn: p.endsOn, programme: p.programme } })
    }
    for (const p of snapshot.postings) {
      const person = personRef.get(p.personId)
      if (!person) continue
      push(this.postings, postingKey(person, name(p.receivingOrgId), p.startsOn), {
        id: p.id,
        values: { supporting: name(p.supportingOrgId), policyId: p.policyId, endsOn: p.endsOn, mode: p.mode, pair: p.supportPairId ? (pairRef.get(p.supportPairId) ?? null) : null },
      })
    }
  }

  /** The org of this name, or why there is no single one. */
  org(name: string, label: string): Lookup<OrgValues> {
    return single(this.orgs.get(name), `${label}“${name}”不存在：请先在单位表中列出`, (n) => `系统中有 ${n} 个名为“${name}”的单位，无法确定是哪一个`)
  }

  person(ref: PersonRef): Lookup<PersonValues> {
    return single(
      this.people.get(personKey(ref)),
      `人员“${ref.name}”（${ref.employer}）不存在：请先在人员表中列出`,
      (n) => `系统中有 ${n} 个“${ref.name}”（${ref.employer}），无法确定是哪一位`,
    )
  }

  addOrg(name: string, values: OrgValues) {
    push(this.orgs, name, { id: null, values })
  }

  addPerson(ref: PersonRef, values: PersonValues) {
    push(this.people, personKey(ref), { id: null, values })
  }

  addPair(ref: PairRef, values: PairValues) {
    push(this.pairs, pairKey(ref), { id: null, values })
  }
}

function single<V>(entries: Entry<V>[] | undefined, missing: string, ambiguous: (n: number) => string): Lookup<V> {
  if (!entries?.length) return { reason: missing }
  if (entries.length > 1) return { reason: ambiguous(entries.length) }
  return { entry: entries[0]! }
}

export const roleKey = (person: PersonRef, role: string, org: string) => `${personKey(person)}\u0000${role}\u0000${org}`
export const postingKey = (person: PersonRef, receiving: string, startsOn: string) => `${personKey(person)}\u0000${receiving}\u0000${startsOn}`

/** The fields of `wanted` that differ from `current` (undefined = not stated in the file, so left as it is). */
export function changedFields<V extends object>(current: V, wanted: Partial<V>): { before: Partial<V>; after: Partial<V> } | null {
  const before: Partial<V> = {}
  const after: Partial<V> = {}
  for (const key of Object.keys(wanted) as (keyof V)[]) {
    const value = wanted[key]
    if (value === undefined || JSON.stringify(value) === JSON.stringify(current[key])) continue
    before[key] = current[key]
    after[key] = value
  }
  return Object.keys(after).length > 0 ? { before, after } : null
}
