import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm'
import { alias, type PgColumn } from 'drizzle-orm/pg-core'
import type { Db } from '../client'
import { absences, attendanceDays, auditLog, type DayStatus, escalations, leaveRequests, monthlyReports, orgs, people, postings, roleAssignments, supportPairs } from '../schema'

/**
 * `column = any($1::uuid[])`: one parameter however many ids. `inArray` sends one parameter per id, which for a
 * province's 10 000 postings costs more to bind and plan than the query takes, and stops at 65 535 ids.
 */
const anyId = (column: PgColumn, ids: string[]) => sql`${column} = any(${sql.param(ids)}::uuid[])`

/** Every org of a tenant with its parent: the tree offices see their subtree of. */
export async function orgTree(db: Db, tenantId: string) {
  return db.select({ id: orgs.id, name: orgs.name, parentId: orgs.parentId }).from(orgs).where(eq(orgs.tenantId, tenantId)).orderBy(asc(orgs.name))
}

/** Where a person holds `office` or `admin`. */
export async function oversightRolesOf(db: Db, tenantId: string, personId: string) {
  return db
    .select({ role: roleAssignments.role, orgId: roleAssignments.orgId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.personId, personId), inArray(roleAssignments.role, ['office', 'admin'])))
}

/** Postings that overlap the days `first`…`last`, with the doctor's name. */
export async function postingsOverlapping(db: Db, tenantId: string, first: string, last: string) {
  return db
    .select({
      id: postings.id,
      personName: people.name,
      supportingOrgId: postings.supportingOrgId,
      receivingOrgId: postings.receivingOrgId,
      policyId: postings.policyId,
      mode: postings.mode,
      startsOn: postings.startsOn,
      endsOn: postings.endsOn,
      status: postings.status,
      assessment: postings.assessment,
    })
    .from(postings)
    .innerJoin(people, eq(people.id, postings.personId))
    .where(and(eq(postings.tenantId, tenantId), lte(postings.startsOn, last), gte(postings.endsOn, first)))
    .orderBy(asc(people.name), asc(postings.startsOn))
}

/**
 * Each posting's recorded days within `first`…`last` as `{ 'YYYY-MM-DD': status }`. One row per posting rather than
 * per day: a province's month is 300 000 days, and reading them as rows took twice as long as the whole query.
 */
export async function attendanceBetween(db: Db, postingIds: string[], first: string, last: string) {
  if (postingIds.length === 0) return []
  return db
    .select({ postingId: attendanceDays.postingId, days: sql<Record<string, DayStatus>>`json_object_agg(${attendanceDays.day}, ${attendanceDays.status})` })
    .from(attendanceDays)
    .where(and(anyId(attendanceDays.postingId, postingIds), gte(attendanceDays.day, first), lte(attendanceDays.day, last)))
    .groupBy(attendanceDays.postingId)
}

/** Approved requests touching the days, to tell a 补卡 day from a leave day (both are `excused`). */
export async function approvedRequestsBetween(db: Db, postingIds: string[], first: string, last: string) {
  if (postingIds.length === 0) return []
  return db
    .select({ id: leaveRequests.id, postingId: leaveRequests.postingId, kind: leaveRequests.kind, startsOn: leaveRequests.startsOn, endsOn: leaveRequests.endsOn })
    .from(leaveRequests)
    .where(and(anyId(leaveRequests.postingId, postingIds), inArray(leaveRequests.status, ['approved', 'returned']), lte(leaveRequests.startsOn, last), gte(leaveRequests.endsOn, first)))
}

/** Every leave request id of the postings (for scoping audit rows about them). */
export async function requestIdsOf(db: Db, postingIds: string[]) {
  if (postingIds.length === 0) return []
  return (await db.select({ id: leaveRequests.id }).from(leaveRequests).where(anyId(leaveRequests.postingId, postingIds))).map((r) => r.id)
}

/** Support pairs running during the days: their receiving orgs owe a monthly report. */
export async function pairsOverlapping(db: Db, tenantId: string, first: string, last: string) {
  return db
    .select({ receivingOrgId: supportPairs.receivingOrgId, policyId: supportPairs.policyId })
    .from(supportPairs)
    .where(and(eq(supportPairs.tenantId, tenantId), lte(supportPairs.startsOn, last), sql`(${supportPairs.endsOn} is null or ${supportPairs.endsOn} >= ${first})`))
    .orderBy(asc(supportPairs.startsOn))
}

export async function reportsOfMonth(db: Db, tenantId: string, month: string) {
  return db
    .select({
      id: monthlyReports.id,
      receivingOrgId: monthlyReports.receivingOrgId,
      fields: monthlyReports.fields,
      submittedAt: monthlyReports.submittedAt,
      updatedAt: monthlyReports.updatedAt,
      submitterName: people.name,
    })
    .from(monthlyReports)
    .leftJoin(people, eq(people.id, monthlyReports.submittedBy))
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.month, month)))
}

/** Absences on the days, each with the escalation step it triggered (if any). */
export async function absencesBetween(db: Db, tenantId: string, first: string, last: string) {
  return db
    .select({
      id: absences.id,
      postingId: absences.postingId,
      day: absences.day,
      status: absences.status,
      step: escalations.step,
      actions: escalations.actions,
      notifiedPersonIds: escalations.notifiedPersonIds,
      withdrawnAt: escalations.withdrawnAt,
    })
    .from(absences)
    .leftJoin(escalations, eq(escalations.absenceId, absences.id))
    .where(and(eq(absences.tenantId, tenantId), gte(absences.day, first), lte(absences.day, last)))
    .orderBy(asc(absences.day))
}

export async function peopleNamed(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; employerOrgId: string | null }>()
  const rows = await db.select({ id: people.id, name: people.name, employerOrgId: people.employerOrgId }).from(people).where(and(eq(people.tenantId, tenantId), anyId(people.id, ids)))
  return new Map(rows.map((r) => [r.id, r]))
}

const actor = alias(people, 'actor')

export interface AuditQuery {
  tenantId: string
  /** Inclusive lower and exclusive upper bound of `at`. */
  from?: Date
  to?: Date
  entity?: string
  limit: number
  /** The last row of the previous page: rows strictly older come next. */
  after?: { at: string; id: string }
}

/**
 * Audit rows newest first, keyset-paginated on (at, id). `at` comes back as PostgreSQL's own text so that a cursor
 * keeps its microseconds (a JS Date would drop them and skip or repeat rows).
 */
export async function auditRows(db: Db, q: AuditQuery) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      atText: sql<string>`${auditLog.at}::text`,
      actorPersonId: auditLog.actorPersonId,
      actorName: actor.name,
      actorLabel: auditLog.actorLabel,
      actorEmployerOrgId: actor.employerOrgId,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorPersonId))
    .where(
      and(
        eq(auditLog.tenantId, q.tenantId),
        q.from ? gte(auditLog.at, q.from) : undefined,
        q.to ? lt(auditLog.at, q.to) : undefined,
        q.entity ? eq(auditLog.entity, q.entity) : undefined,
        q.after ? sql`(${auditLog.at}, ${auditLog.id}) < (${q.after.at}::timestamptz, ${q.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.limit)
}
