import { asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { identities, orgs, people, postings, roleAssignments, supportPairs, tenants } from '../schema'

/**
 * Everything an import compares a file with, for one tenant: orgs, people, their identities and roles, support pairs
 * and postings. A county or province holds thousands of these rows, not millions, so one read of each is cheapest.
 */
export async function loadRosterSnapshot(db: Db, tenantId: string) {
  const orgRows = await db
    .select({ id: orgs.id, name: orgs.name, level: orgs.level, kind: orgs.kind, parentId: orgs.parentId, region: orgs.region })
    .from(orgs)
    .where(eq(orgs.tenantId, tenantId))
    .orderBy(asc(orgs.createdAt))
  const peopleRows = await db
    .select({ id: people.id, name: people.name, title: people.title, licence: people.licence, employerOrgId: people.employerOrgId })
    .from(people)
    .where(eq(people.tenantId, tenantId))
    .orderBy(asc(people.createdAt))
  const identityRows = await db
    .select({ id: identities.id, platform: identities.platform, externalId: identities.externalId, personId: identities.personId })
    .from(identities)
    .where(eq(identities.tenantId, tenantId))
  const roleRows = await db
    .select({ id: roleAssignments.id, personId: roleAssignments.personId, role: roleAssignments.role, orgId: roleAssignments.orgId })
    .from(roleAssignments)
    .where(eq(roleAssignments.tenantId, tenantId))
  const pairRows = await db
    .select({
      id: supportPairs.id,
      supportingOrgId: supportPairs.supportingOrgId,
      receivingOrgId: supportPairs.receivingOrgId,
      policyId: supportPairs.policyId,
      programme: supportPairs.programme,
      startsOn: supportPairs.startsOn,
      endsOn: supportPairs.endsOn,
    })
    .from(supportPairs)
    .where(eq(supportPairs.tenantId, tenantId))
  const postingRows = await db
    .select({
      id: postings.id,
      personId: postings.personId,
      supportPairId: postings.supportPairId,
      supportingOrgId: postings.supportingOrgId,
      receivingOrgId: postings.receivingOrgId,
      policyId: postings.policyId,
      mode: postings.mode,
      startsOn: postings.startsOn,
      endsOn: postings.endsOn,
    })
    .from(postings)
    .where(eq(postings.tenantId, tenantId))
  return { orgs: orgRows, people: peopleRows, identities: identityRows, roles: roleRows, pairs: pairRows, postings: postingRows }
}
export type RosterSnapshot = Awaited<ReturnType<typeof loadRosterSnapshot>>

/**
 * Serialises imports into one tenant until the transaction ends. orgs, people, support_pairs and postings have no
 * unique key on their natural keys, so two imports at once would otherwise both create the same rows.
 */
export async function lockTenantForImport(db: Db, tenantId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`duikou:import:${tenantId}`}))`)
}

const TABLES = {
  org: orgs,
  person: people,
  identity: identities,
  roleAssignment: roleAssignments,
  supportPair: supportPairs,
  posting: postings,
} as const
export type RosterTable = keyof typeof TABLES
type Insert<T extends RosterTable> = (typeof TABLES)[T]['$inferInsert']
type Row<T extends RosterTable> = (typeof TABLES)[T]['$inferSelect']

export async function insertTenant(db: Db, id: string, name: string) {
  const [row] = await db.insert(tenants).values({ id, name }).returning()
  return row!
}

/** Inserts one row and returns it whole, for the audit log's `after`. */
export async function insertRosterRow<T extends RosterTable>(db: Db, table: T, values: Insert<T>): Promise<Row<T>> {
  const target = TABLES[table] as typeof orgs
  const [row] = await db.insert(target).values(values as Insert<'org'>).returning()
  return row as unknown as Row<T>
}

/** Updates one row by id; returns it before (locked) and after, for the audit log. */
export async function updateRosterRow<T extends RosterTable>(db: Db, table: T, id: string, set: Partial<Insert<T>>) {
  const target = TABLES[table] as typeof orgs
  const [before] = await db.select().from(target).where(eq(target.id, id)).for('update')
  const [after] = await db.update(target).set(set as Partial<Insert<'org'>>).where(eq(target.id, id)).returning()
  return { before: before as unknown as Row<T>, after: after as unknown as Row<T> }
}
