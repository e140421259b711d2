import { and, asc, eq, inArray, lte, ne } from 'drizzle-orm'
import type { Db } from '../client'
import { alias } from 'drizzle-orm/pg-core'
import { people, postings, roleAssignments, tenants, unverifiedDays, type VerificationStatus } from '../schema'

/** Opens a 待核实 day once; returns it only the first time. */
export async function openVerification(db: Db, key: { tenantId: string; postingId: string; day: string }) {
  const [row] = await db.insert(unverifiedDays).values(key).onConflictDoNothing({ target: [unverifiedDays.postingId, unverifiedDays.day] }).returning()
  return row ?? null
}

/** Open 待核实 days of a tenant up to `day`, oldest first, with the receiving org that decides them. */
export async function openVerifications(db: Db, tenantId: string, upTo: string) {
  return db
    .select({ verification: unverifiedDays, receivingOrgId: postings.receivingOrgId, personId: postings.personId })
    .from(unverifiedDays)
    .innerJoin(postings, eq(postings.id, unverifiedDays.postingId))
    .where(and(eq(unverifiedDays.tenantId, tenantId), eq(unverifiedDays.status, 'open'), lte(unverifiedDays.day, upTo)))
    .orderBy(asc(unverifiedDays.day), asc(unverifiedDays.number))
}

/** Open 待核实 days at the orgs where this person approves or directs (who may decide them), oldest first, with the doctor's name. */
export async function openVerificationsFor(db: Db, tenantId: string, personId: string) {
  const doctor = alias(people, 'doctor')
  return db
    .selectDistinct({ verification: unverifiedDays, doctorName: doctor.name })
    .from(unverifiedDays)
    .innerJoin(postings, eq(postings.id, unverifiedDays.postingId))
    .innerJoin(doctor, eq(doctor.id, postings.personId))
    .innerJoin(roleAssignments, and(eq(roleAssignments.orgId, postings.receivingOrgId), eq(roleAssignments.personId, personId), inArray(roleAssignments.role, ['approver', 'director'])))
    .where(and(eq(unverifiedDays.tenantId, tenantId), eq(unverifiedDays.status, 'open')))
    .orderBy(asc(unverifiedDays.day), asc(unverifiedDays.number))
}

/** A 待核实 day by its chat number, locked for the decision. */
export async function findVerificationByNumber(db: Db, tenantId: string, number: number) {
  const [row] = await db
    .select({ verification: unverifiedDays, receivingOrgId: postings.receivingOrgId })
    .from(unverifiedDays)
    .innerJoin(postings, eq(postings.id, unverifiedDays.postingId))
    .where(and(eq(unverifiedDays.tenantId, tenantId), eq(unverifiedDays.number, number)))
    .for('update', { of: unverifiedDays })
  return row ?? null
}

/** Settles an open 待核实 day; returns the row only when this call settled it (a second decision changes nothing). */
export async function settleVerification(
  db: Db,
  id: string,
  to: Exclude<VerificationStatus, 'open'>,
  decision: { by: string | null; reason: string | null; at: Date },
) {
  const [row] = await db
    .update(unverifiedDays)
    .set({ status: to, decidedBy: decision.by, reason: decision.reason, decidedAt: decision.at })
    .where(and(eq(unverifiedDays.id, id), eq(unverifiedDays.status, 'open')))
    .returning()
  return row ?? null
}

/** Days that became excused: their 待核实 rows close as excused, whatever they were (a finding is withdrawn apart). */
export async function excuseVerifications(db: Db, postingId: string, days: string[], at: Date) {
  if (days.length === 0) return []
  return db
    .update(unverifiedDays)
    .set({ status: 'excused', decidedAt: at })
    .where(and(eq(unverifiedDays.postingId, postingId), inArray(unverifiedDays.day, days), ne(unverifiedDays.status, 'excused')))
    .returning()
}

/** This deployment's settings: the grace period in workdays and the hours a half day needs. */
export async function tenantSettings(db: Db, tenantId: string): Promise<{ graceWorkdays: number; halfDayHours: number }> {
  const [row] = await db.select({ graceWorkdays: tenants.graceWorkdays, halfDayHours: tenants.halfDayHours }).from(tenants).where(eq(tenants.id, tenantId))
  return row ?? { graceWorkdays: 3, halfDayHours: 4 }
}

/** Sets this deployment's settings for a tenant; returns null when there is no such tenant. */
export async function setTenantSettings(db: Db, tenantId: string, values: Partial<{ graceWorkdays: number; halfDayHours: number }>) {
  const [row] = await db.update(tenants).set(values).where(eq(tenants.id, tenantId)).returning({ graceWorkdays: tenants.graceWorkdays, halfDayHours: tenants.halfDayHours })
  return row ?? null
}
