import type { Licence, OrgKind, OrgLevel, Platform, Role, StaffRoleCode, Title } from '../../../db/schema'
import type { Source } from '../../../rules'
import type { RowSource } from './types'

/** A person as a file names them: name and employer (two 张伟 at two hospitals are two people). */
export interface PersonRef {
  name: string
  employer: string
}

/** A support pair as a file names it. */
export interface PairRef {
  supporting: string
  receiving: string
  policyId: string
}

export interface OrgValues {
  level: OrgLevel
  kind: OrgKind
  parent: string | null
  region: string | null
  deepPovertyCounty?: boolean | null
  staffCount?: number | null
}
export interface PersonValues {
  title: Title | null
  licence: Licence | null
  staffRole?: StaffRoleCode | null
  seniorAttending?: boolean | null
}
export interface IdentityValues {
  person: PersonRef
}
export type RoleValues = Record<string, never>
export interface PairValues {
  startsOn: string
  endsOn: string | null
  programme: string | null
}
export interface PostingValues {
  supporting: string
  policyId: string
  endsOn: string
  pair: PairRef | null
  /** rules PostingMode; absent from a file = left as it is (a new posting: the policy's default). */
  mode?: string | null
  apprentices?: number | null
}

/** Where dates the file does not state come from: the policy text, clause by clause. */
export interface Basis {
  period: string
  sources: Source[]
  agreementsDueBy: string | null
}

/** Create: the whole new row. Update: only the fields that change, before and after; `id` is the row changed. */
type Change<E extends string, K, V> =
  | { entity: E; action: 'create'; key: K; before: null; after: V; source: RowSource; basis?: Basis }
  | { entity: E; action: 'update'; id: string; key: K; before: Partial<V>; after: Partial<V>; source: RowSource }

/**
 * One state change an import would make, named by natural keys (names, not ids) so a person can read it and so the
 * rows it refers to may be created by the same import.
 */
export type PlanItem =
  | { entity: 'tenant'; action: 'create'; key: { id: string }; before: null; after: { name: string }; source: null }
  | Change<'org', { name: string }, OrgValues>
  | Change<'person', PersonRef, PersonValues>
  | Change<'identity', { platform: Platform; externalId: string }, IdentityValues>
  | Change<'roleAssignment', { person: PersonRef; role: Role; org: string }, RoleValues>
  | Change<'supportPair', PairRef, PairValues>
  | Change<'posting', { person: PersonRef; receiving: string; startsOn: string }, PostingValues>

export type PlanEntity = PlanItem['entity']

/** The counts the API and CLI report, per entity. */
export interface PlanCounts {
  orgs: number
  people: number
  identities: number
  roles: number
  supportPairs: number
  postings: number
}

const COUNT_KEY: Record<Exclude<PlanEntity, 'tenant'>, keyof PlanCounts> = {
  org: 'orgs',
  person: 'people',
  identity: 'identities',
  roleAssignment: 'roles',
  supportPair: 'supportPairs',
  posting: 'postings',
}

/** How many rows the plan creates and changes, per entity. */
export function countPlan(plan: PlanItem[]): { created: PlanCounts; changed: PlanCounts } {
  const zero = (): PlanCounts => ({ orgs: 0, people: 0, identities: 0, roles: 0, supportPairs: 0, postings: 0 })
  const created = zero()
  const changed = zero()
  for (const item of plan) {
    if (item.entity === 'tenant') continue
    ;(item.action === 'create' ? created : changed)[COUNT_KEY[item.entity]]++
  }
  return { created, changed }
}

export const personKey = (p: PersonRef) => `${p.name}\u0000${p.employer}`
export const pairKey = (p: PairRef) => `${p.supporting}\u0000${p.receiving}\u0000${p.policyId}`
