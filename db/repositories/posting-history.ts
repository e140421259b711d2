import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm'
import type { Db } from '../client'
import { absences, attendanceDays, escalations, leaveRequests, outbox, people } from '../schema'

/** A posting's settled days within [from, to]. */
export async function daysBetween(db: Db, postingId: string, from: string, to: string) {
  return db
    .select({ day: attendanceDays.day, status: attendanceDays.status, checkInAt: attendanceDays.checkInAt })
    .from(attendanceDays)
    .where(and(eq(attendanceDays.postingId, postingId), gte(attendanceDays.day, from), lte(attendanceDays.day, to)))
    .orderBy(asc(attendanceDays.day))
}

/** Approved (or returned) leave and 补卡 of a posting: what excused its days. */
export async function grantedRequests(db: Db, postingId: string) {
  return db
    .select({ kind: leaveRequests.kind, number: leaveRequests.number, startsOn: leaveRequests.startsOn, endsOn: leaveRequests.endsOn, reason: leaveRequests.reason })
    .from(leaveRequests)
    .where(and(eq(leaveRequests.postingId, postingId), inArray(leaveRequests.status, ['approved', 'returned'])))
}

/** A posting's absences with the escalation each took. */
export async function absencesWithSteps(db: Db, postingId: string) {
  return db
    .select({ id: absences.id, day: absences.day, status: absences.status, step: escalations.step, actions: escalations.actions })
    .from(absences)
    .leftJoin(escalations, eq(escalations.absenceId, absences.id))
    .where(eq(absences.postingId, postingId))
    .orderBy(asc(absences.day))
}

/** Every message queued for a tenant, in the order written. */
export async function tenantOutbox(db: Db, tenantId: string) {
  return db
    .select({ recipient: outbox.recipient, message: outbox.message, key: outbox.idempotencyKey, createdAt: outbox.createdAt })
    .from(outbox)
    .where(eq(outbox.tenantId, tenantId))
    .orderBy(asc(outbox.seq))
}

export async function peopleOf(db: Db, tenantId: string) {
  return db.select({ id: people.id, name: people.name }).from(people).where(eq(people.tenantId, tenantId)).orderBy(asc(people.createdAt))
}
