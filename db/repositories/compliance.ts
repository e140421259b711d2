import { and, eq, gte, lte, ne, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { attendanceDays, monthlyReports, orgs, people, postings, supportPairs } from '../schema'

/** Postings overlapping `first`…`last` (cancelled ones left out), with what the 达标 checks read of the person. */
export async function compliancePostings(db: Db, tenantId: string, first: string, last: string) {
  return db
    .select({
      id: postings.id,
      personId: postings.personId,
      personName: people.name,
      title: people.title,
      staffRole: people.staffRole,
      seniorAttending: people.seniorAttending,
      supportingOrgId: postings.supportingOrgId,
      receivingOrgId: postings.receivingOrgId,
      policyId: postings.policyId,
      mode: postings.mode,
      apprentices: postings.apprentices,
      startsOn: postings.startsOn,
      endsOn: postings.endsOn,
    })
    .from(postings)
    .innerJoin(people, eq(people.id, postings.personId))
    .where(and(eq(postings.tenantId, tenantId), ne(postings.status, 'cancelled'), lte(postings.startsOn, last), gte(postings.endsOn, first)))
}

/** Every org of the tenant with the facts the texts distinguish them by. */
export async function complianceOrgs(db: Db, tenantId: string) {
  return db
    .select({ id: orgs.id, name: orgs.name, level: orgs.level, kind: orgs.kind, deepPovertyCounty: orgs.deepPovertyCounty, staffCount: orgs.staffCount })
    .from(orgs)
    .where(eq(orgs.tenantId, tenantId))
}

/** Support pairs overlapping the days, with their cycle. */
export async function compliancePairs(db: Db, tenantId: string, first: string, last: string) {
  return db
    .select({ supportingOrgId: supportPairs.supportingOrgId, receivingOrgId: supportPairs.receivingOrgId, policyId: supportPairs.policyId, startsOn: supportPairs.startsOn, endsOn: supportPairs.endsOn })
    .from(supportPairs)
    .where(and(eq(supportPairs.tenantId, tenantId), lte(supportPairs.startsOn, last), sql`(${supportPairs.endsOn} is null or ${supportPairs.endsOn} >= ${first})`))
}

/** Reports of months `fromMonth`…`toMonth` (`YYYY-MM`, inclusive). */
export async function reportsBetween(db: Db, tenantId: string, fromMonth: string, toMonth: string) {
  return db
    .select({ receivingOrgId: monthlyReports.receivingOrgId, month: monthlyReports.month, fields: monthlyReports.fields })
    .from(monthlyReports)
    .where(and(eq(monthlyReports.tenantId, tenantId), gte(monthlyReports.month, fromMonth), lte(monthlyReports.month, toMonth)))
}

/** Days marked present per posting within the days; a posting with no attendance rows is absent from the map. */
export async function presentDaysBetween(db: Db, tenantId: string, first: string, last: string): Promise<Map<string, { present: number }>> {
  const rows = await db
    .select({ postingId: attendanceDays.postingId, present: sql<number>`count(*) filter (where ${attendanceDays.status} = 'present')::int` })
    .from(attendanceDays)
    .innerJoin(postings, eq(postings.id, attendanceDays.postingId))
    .where(and(eq(postings.tenantId, tenantId), gte(attendanceDays.day, first), lte(attendanceDays.day, last)))
    .groupBy(attendanceDays.postingId)
  return new Map(rows.map((r) => [r.postingId, { present: Number(r.present) }]))
}
