import { POLICY_META, type PolicyId } from '../../../rules'
import type { Platform } from '../../../db/schema'
import { type OrgValues, pairKey, personKey, type PlanItem } from './plan-types'
import type { Roster, RosterOrg } from './roster'
import type { RowError, RowSource } from './types'
import { changedFields, postingKey, roleKey, type World } from './world'

interface Out {
  plan: PlanItem[]
  errors: RowError[]
}

const fail = (out: Out, source: RowSource, reason: string) => out.errors.push({ ...source, reason })

/** Plans a roster against the world, table by table, so each table may refer to what the ones before it create. */
export function planRoster(world: World, roster: Roster, out: Out): void {
  planOrgs(world, roster.orgs, out)
  planPeople(world, roster, out)
  planPairs(world, roster, out)
  planPostings(world, roster, out)
}

function planOrgs(world: World, rows: RosterOrg[], out: Out) {
  const creates = new Map<string, Extract<PlanItem, { entity: 'org'; action: 'create' }>>()
  const updates: PlanItem[] = []
  for (const row of rows) {
    const wanted = { level: row.level, kind: row.kind, parent: row.parent, region: row.region }
    const found = world.orgs.get(row.name)
    if (found && found.length > 1) fail(out, row.source, `系统中有 ${found.length} 个名为“${row.name}”的单位，无法确定改哪一个`)
    else if (found?.[0]) {
      const change = changedFields(found[0].values, wanted)
      if (change) {
        updates.push({ entity: 'org', action: 'update', id: found[0].id!, key: { name: row.name }, ...change, source: row.source })
        Object.assign(found[0].values, change.after)
      }
    } else if (!row.level) fail(out, row.source, `新单位“${row.name}”须填写层级（如 三级、县级、乡镇）`)
    else {
      const values: OrgValues = { level: row.level, kind: row.kind ?? 'general', parent: row.parent ?? null, region: row.region ?? null }
      world.addOrg(row.name, values)
      creates.set(row.name, { entity: 'org', action: 'create', key: { name: row.name }, before: null, after: values, source: row.source })
    }
  }
  // Parents are checked once every row is known: a row may name a parent listed further down.
  const bad = new Set<string>()
  for (const row of rows) {
    if (!row.parent) continue
    const parent = world.org(row.parent, '上级单位')
    if ('reason' in parent) fail(out, row.source, parent.reason)
    else if (reachesItself(world, row.name)) fail(out, row.source, `上级单位形成循环：“${row.name}”经“${row.parent}”又回到自己`)
    else continue
    bad.add(row.name)
  }
  // A new org is created after the new org it hangs under.
  const ordered: PlanItem[] = []
  const visit = (name: string) => {
    const item = creates.get(name)
    if (!item || bad.has(name)) return
    creates.delete(name)
    if (item.after.parent) visit(item.after.parent)
    ordered.push(item)
  }
  for (const name of [...creates.keys()]) visit(name)
  out.plan.push(...ordered, ...updates.filter((u) => !bad.has((u.key as { name: string }).name)))
}

function reachesItself(world: World, name: string): boolean {
  let current = world.orgs.get(name)?.[0]?.values.parent
  for (let steps = 0; current && steps <= world.orgs.size; steps++) {
    if (current === name) return true
    current = world.orgs.get(current)?.[0]?.values.parent
  }
  return false
}

function planPeople(world: World, roster: Roster, out: Out) {
  const claimed = new Map<string, RowSource>()
  for (const row of roster.people) {
    const employer = world.org(row.employer, '工作单位')
    if ('reason' in employer) {
      fail(out, row.source, employer.reason)
      continue
    }
    const person = { name: row.name, employer: row.employer }
    const found = world.people.get(personKey(person))
    if (found && found.length > 1) {
      fail(out, row.source, `系统中有 ${found.length} 个“${row.name}”（${row.employer}），无法确定改哪一位`)
      continue
    }
    if (found?.[0]) {
      const change = changedFields(found[0].values, { title: row.title, licence: row.licence })
      if (change) out.plan.push({ entity: 'person', action: 'update', id: found[0].id!, key: person, ...change, source: row.source })
    } else {
      const values = { title: row.title ?? null, licence: row.licence ?? null }
      world.addPerson(person, values)
      out.plan.push({ entity: 'person', action: 'create', key: person, before: null, after: values, source: row.source })
    }
    const accounts: [Platform, string | undefined][] = [
      ['feishu', row.feishuOpenId],
      ['wecom', row.wecomUserId],
    ]
    for (const [platform, externalId] of accounts) {
      if (!externalId) continue
      const key = `${platform}:${externalId}`
      const first = claimed.get(key)
      if (first) {
        fail(out, row.source, `账号 ${externalId} 已在“${first.sheet}”第 ${first.row} 行给了另一人`)
        continue
      }
      claimed.set(key, row.source)
      const stored = world.identities.get(key)
      // An account that moves to another person record (a doctor who changed employer) is a change, not a new account.
      if (!stored) out.plan.push({ entity: 'identity', action: 'create', key: { platform, externalId }, before: null, after: { person }, source: row.source })
      else if (JSON.stringify(stored.values.person) !== JSON.stringify(person))
        out.plan.push({ entity: 'identity', action: 'update', id: stored.id!, key: { platform, externalId }, before: { person: stored.values.person! }, after: { person }, source: row.source })
    }
    for (const wanted of row.roles) {
      const org = wanted.org ?? row.employer
      const at = world.org(org, '角色所在单位')
      if ('reason' in at) fail(out, row.source, at.reason)
      else if (!world.roles.has(roleKey(person, wanted.role, org))) {
        world.roles.add(roleKey(person, wanted.role, org))
        out.plan.push({ entity: 'roleAssignment', action: 'create', key: { person, role: wanted.role, org }, before: null, after: {}, source: row.source })
      }
    }
  }
}

function planPairs(world: World, roster: Roster, out: Out) {
  for (const row of roster.pairs) {
    const orgs = [world.org(row.supporting, '支援医院'), world.org(row.receiving, '受援医院')]
    const missing = orgs.flatMap((o) => ('reason' in o ? [o.reason] : []))
    if (missing.length > 0) {
      fail(out, row.source, missing.join('；'))
      continue
    }
    const key = { supporting: row.supporting, receiving: row.receiving, policyId: row.policyId }
    const found = world.pairs.get(pairKey(key))
    if (found && found.length > 1) fail(out, row.source, `系统中已有 ${found.length} 条“${row.supporting} → ${row.receiving}”（${row.policyId}）的对口关系，无法确定改哪一条`)
    else if (found?.[0]) {
      const change = changedFields(found[0].values, { startsOn: row.startsOn, endsOn: row.endsOn })
      if (change) out.plan.push({ entity: 'supportPair', action: 'update', id: found[0].id!, key, ...change, source: row.source })
    } else {
      const values = { startsOn: row.startsOn, endsOn: row.endsOn ?? null, programme: POLICY_META[row.policyId as PolicyId].shortName }
      world.addPair(key, values)
      out.plan.push({ entity: 'supportPair', action: 'create', key, before: null, after: values, source: row.source })
    }
  }
}

function planPostings(world: World, roster: Roster, out: Out) {
  for (const row of roster.postings) {
    const person = { name: row.name, employer: row.employer ?? row.supporting }
    const lookups = [world.person(person), world.org(row.supporting, '支援医院'), world.org(row.receiving, '受援医院')]
    const missing = lookups.flatMap((o) => ('reason' in o ? [o.reason] : []))
    if (missing.length > 0) {
      fail(out, row.source, missing.join('；'))
      continue
    }
    const pairRef = { supporting: row.supporting, receiving: row.receiving, policyId: row.policyId }
    const pairs = world.pairs.get(pairKey(pairRef))
    const wanted = { supporting: row.supporting, policyId: row.policyId, endsOn: row.endsOn, pair: pairs?.length === 1 ? pairRef : null, ...(row.mode ? { mode: row.mode } : {}) }
    const key = { person, receiving: row.receiving, startsOn: row.startsOn }
    const found = world.postings.get(postingKey(person, row.receiving, row.startsOn))
    if (found && found.length > 1) fail(out, row.source, `系统中已有 ${found.length} 条相同的派驻记录，无法确定改哪一条`)
    else if (found?.[0]) {
      const change = changedFields(found[0].values, wanted)
      if (change) out.plan.push({ entity: 'posting', action: 'update', id: found[0].id!, key, ...change, source: row.source })
    } else out.plan.push({ entity: 'posting', action: 'create', key, before: null, after: wanted, source: row.source })
  }
}
