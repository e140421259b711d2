import { and, eq, gte, inArray, lte } from 'drizzle-orm'
import type { Db } from '../client'
import { monthlyReports, orgs, postings, roleAssignments, supportPairs } from '../schema'

export async function findReport(db: Db, tenantId: string, receivingOrgId: string, month: string) {
  const [row] = await db
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.receivingOrgId, receivingOrgId), eq(monthlyReports.month, month)))
    .for('update')
  return row ?? null
}

export async function saveReport(
  db: Db,
  report: { tenantId: string; receivingOrgId: string; month: string; fields: Record<string, unknown>; submittedBy: string; at: Date },
) {
  const { at, ...values } = report
  const [row] = await db
    .insert(monthlyReports)
    .values({ ...values, submittedAt: at, updatedAt: at, createdAt: at })
    .onConflictDoUpdate({
      target: [monthlyReports.tenantId, monthlyReports.receivingOrgId, monthlyReports.month],
      set: { fields: values.fields, submittedBy: values.submittedBy, updatedAt: at },
    })
    .returning()
  return row!
}

/**
 * The receiving orgs a person reports for: where they are posted on `day`, and receiving orgs where they approve,
 * direct or run the office — each with the policy of its support pair (for the deadline).
 */
export async function reportingOrgsOf(db: Db, tenantId: string, personId: string, day: string) {
  const posted = await db
    .selectDistinct({ id: orgs.id, name: orgs.name, policyId: postings.policyId })
    .from(postings)
    .innerJoin(orgs, eq(orgs.id, postings.receivingOrgId))
    .where(and(eq(postings.tenantId, tenantId), eq(postings.personId, personId), eq(postings.status, 'active'), lte(postings.startsOn, day), gte(postings.endsOn, day)))
  const staffed = await db
    .selectDistinct({ id: orgs.id, name: orgs.name, policyId: supportPairs.policyId })
    .from(roleAssignments)
    .innerJoin(orgs, eq(orgs.id, roleAssignments.orgId))
    .innerJoin(supportPairs, eq(supportPairs.receivingOrgId, orgs.id))
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.personId, personId), inArray(roleAssignments.role, ['approver', 'director', 'office'])))
  const byId = new Map<string, { id: string; name: string; policyId: string }>()
  for (const o of [...posted, ...staffed]) if (!byId.has(o.id)) byId.set(o.id, o)
  return [...byId.values()]
}
