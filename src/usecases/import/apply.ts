import type { Db } from '../../../db/client'
import { recordAudit } from '../../../db/repositories/audit'
import { insertRosterRow, insertTenant, type RosterSnapshot, type RosterTable, updateRosterRow } from '../../../db/repositories/roster'
import { type OrgValues, type PairRef, pairKey, type PairValues, type PersonRef, personKey, type PersonValues, type PlanItem, type PostingValues } from './plan-types'

/** The audit log's entity names, as the other use-cases write them (snake case, like the tables). */
const AUDIT_ENTITY: Record<PlanItem['entity'], string> = {
  tenant: 'tenant',
  org: 'org',
  person: 'person',
  identity: 'identity',
  roleAssignment: 'role_assignment',
  supportPair: 'support_pair',
  posting: 'posting',
}

export interface AuditContext {
  tenantId: string
  actorPersonId: string | null
  actorLabel: string | null
  at: Date
}

/**
 * Writes a plan in the caller's transaction, in plan order (an org before the people it employs), and one audit row
 * per change with the row before and after. Names in the plan become ids here, from the stored rows and the rows
 * created earlier in the same plan.
 */
export async function applyPlan(tx: Db, snapshot: RosterSnapshot, plan: PlanItem[], context: AuditContext): Promise<void> {
  const { tenantId } = context
  const orgIds = new Map(snapshot.orgs.map((o) => [o.name, o.id]))
  const orgNames = new Map(snapshot.orgs.map((o) => [o.id, o.name]))
  const personIds = new Map(snapshot.people.map((p) => [personKey({ name: p.name, employer: orgNames.get(p.employerOrgId ?? '') ?? '' }), p.id]))
  const pairIds = new Map(
    snapshot.pairs.map((p) => [pairKey({ supporting: orgNames.get(p.supportingOrgId)!, receiving: orgNames.get(p.receivingOrgId)!, policyId: p.policyId }), p.id]),
  )
  const org = (name: string) => orgIds.get(name) ?? missing('org', name)
  const person = (ref: PersonRef) => personIds.get(personKey(ref)) ?? missing('person', ref.name)
  const pair = (ref: PairRef) => pairIds.get(pairKey(ref)) ?? missing('support pair', pairKey(ref))

  const orgColumns = (v: Partial<OrgValues>) => ({
    ...(v.level !== undefined && { level: v.level }),
    ...(v.kind !== undefined && { kind: v.kind }),
    ...(v.region !== undefined && { region: v.region }),
    ...(v.parent !== undefined && { parentId: v.parent === null ? null : org(v.parent) }),
  })
  const personColumns = (v: Partial<PersonValues>) => ({ ...(v.title !== undefined && { title: v.title }), ...(v.licence !== undefined && { licence: v.licence }) })
  const pairColumns = (v: Partial<PairValues>) => ({
    ...(v.startsOn !== undefined && { startsOn: v.startsOn }),
    ...(v.endsOn !== undefined && { endsOn: v.endsOn }),
    ...(v.programme !== undefined && { programme: v.programme }),
  })
  const postingColumns = (v: Partial<PostingValues>) => ({
    ...(v.supporting !== undefined && { supportingOrgId: org(v.supporting) }),
    ...(v.policyId !== undefined && { policyId: v.policyId }),
    ...(v.endsOn !== undefined && { endsOn: v.endsOn }),
    ...(v.pair !== undefined && { supportPairId: v.pair === null ? null : pair(v.pair) }),
    ...(v.mode !== undefined && { mode: v.mode }),
  })

  const audit = async (item: PlanItem, entityId: string, before: unknown, after: unknown) =>
    recordAudit(tx, { ...context, action: `import.${item.action === 'create' ? 'created' : 'updated'}`, entity: AUDIT_ENTITY[item.entity], entityId, before, after })
  const update = async <T extends RosterTable>(item: PlanItem & { action: 'update' }, table: T, set: object) => {
    const { before, after } = await updateRosterRow(tx, table, item.id, set)
    await audit(item, item.id, before, after)
  }

  for (const item of plan) {
    if (item.entity === 'tenant') {
      const row = await insertTenant(tx, item.key.id, item.after.name)
      await audit(item, row.id, null, row)
    } else if (item.action === 'update') {
      if (item.entity === 'org') await update(item, 'org', orgColumns(item.after))
      else if (item.entity === 'person') await update(item, 'person', personColumns(item.after))
      else if (item.entity === 'identity') await update(item, 'identity', { personId: person(item.after.person!) })
      else if (item.entity === 'supportPair') await update(item, 'supportPair', pairColumns(item.after))
      else if (item.entity === 'posting') await update(item, 'posting', postingColumns(item.after))
    } else {
      const row = await create(item)
      await audit(item, row.id, null, row)
    }
  }

  async function create(item: Exclude<PlanItem & { action: 'create' }, { entity: 'tenant' }>): Promise<{ id: string }> {
    switch (item.entity) {
      case 'org': {
        const row = await insertRosterRow(tx, 'org', {
          tenantId,
          name: item.key.name,
          level: item.after.level,
          kind: item.after.kind,
          region: item.after.region,
          parentId: item.after.parent ? org(item.after.parent) : null,
        })
        orgIds.set(item.key.name, row.id)
        return row
      }
      case 'person': {
        const row = await insertRosterRow(tx, 'person', { tenantId, name: item.key.name, employerOrgId: org(item.key.employer), ...personColumns(item.after) })
        personIds.set(personKey(item.key), row.id)
        return row
      }
      case 'identity':
        return insertRosterRow(tx, 'identity', { tenantId, platform: item.key.platform, externalId: item.key.externalId, personId: person(item.after.person) })
      case 'roleAssignment':
        return insertRosterRow(tx, 'roleAssignment', { tenantId, personId: person(item.key.person), role: item.key.role, orgId: org(item.key.org) })
      case 'supportPair': {
        const row = await insertRosterRow(tx, 'supportPair', {
          tenantId,
          supportingOrgId: org(item.key.supporting),
          receivingOrgId: org(item.key.receiving),
          policyId: item.key.policyId,
          startsOn: item.after.startsOn,
          ...pairColumns(item.after),
        })
        pairIds.set(pairKey(item.key), row.id)
        return row
      }
      case 'posting':
        return insertRosterRow(tx, 'posting', {
          tenantId,
          personId: person(item.key.person),
          receivingOrgId: org(item.key.receiving),
          startsOn: item.key.startsOn,
          supportingOrgId: org(item.after.supporting),
          policyId: item.after.policyId,
          endsOn: item.after.endsOn,
          supportPairId: item.after.pair ? pair(item.after.pair) : null,
          mode: item.after.mode ?? null,
        })
    }
  }
}

/** The planner resolved every name; reaching this is a bug, and it rolls the whole import back. */
function missing(what: string, name: string): never {
  throw new Error(`import plan refers to an unknown ${what}: ${name}`)
}
