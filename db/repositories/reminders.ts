import { and, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm'
import type { Db } from '../client'
import { monthlyReports, orgs, supportPairs } from '../schema'

/** Receiving orgs whose report for `month` has been submitted. */
export async function orgsThatSubmitted(db: Db, tenantId: string, month: string): Promise<Set<string>> {
  const rows = await db
    .select({ orgId: monthlyReports.receivingOrgId })
    .from(monthlyReports)
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.month, month), isNotNull(monthlyReports.submittedAt)))
  return new Set(rows.map((r) => r.orgId))
}

/** Support pairs in force on `day` (an open-ended pair runs until it is closed). */
export async function supportPairsRunningOn(db: Db, tenantId: string, day: string) {
  return db
    .select({ policyId: supportPairs.policyId, supportingOrgId: supportPairs.supportingOrgId, receivingOrgId: supportPairs.receivingOrgId })
    .from(supportPairs)
    .where(and(eq(supportPairs.tenantId, tenantId), lte(supportPairs.startsOn, day), or(isNull(supportPairs.endsOn), gte(supportPairs.endsOn, day))))
}

export async function orgNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids))
  return new Map(rows.map((r) => [r.id, r.name]))
}
