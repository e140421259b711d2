import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { leaveRequests, people, postings, type LeaveKind, type LeaveStatus } from '../schema'

export interface NewLeave {
  tenantId: string
  kind: LeaveKind
  postingId: string
  personId: string
  startsOn: string
  endsOn: string
  reason: string
  approverPersonId: string
}

/** A new request with the tenant's next number; concurrent requests of one tenant take their numbers in turn. */
export async function createLeave(db: Db, leave: NewLeave) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`leave_number:${leave.tenantId}`}))`)
  const next = sql<number>`(select coalesce(max(${leaveRequests.number}), 0) + 1 from ${leaveRequests} where ${leaveRequests.tenantId} = ${leave.tenantId})`
  const [row] = await db
    .insert(leaveRequests)
    .values({ ...leave, number: next })
    .returning()
  return row!
}

/** Pending or approved requests of the same kind on a posting that share a day with `from`..`to`. */
export async function overlappingLeave(db: Db, postingId: string, kind: LeaveKind, from: string, to: string) {
  return db
    .select()
    .from(leaveRequests)
    .where(
      and(
        eq(leaveRequests.postingId, postingId),
        eq(leaveRequests.kind, kind),
        inArray(leaveRequests.status, ['pending', 'approved']),
        lte(leaveRequests.startsOn, to),
        gte(leaveRequests.endsOn, from),
      ),
    )
}

/** A request by its chat number, with the requester's name, locked for the decision. */
export async function findLeaveByNumber(db: Db, tenantId: string, number: number) {
  const [row] = await db
    .select({ leave: leaveRequests, requesterName: people.name, receivingOrgId: postings.receivingOrgId, policyId: postings.policyId })
    .from(leaveRequests)
    .innerJoin(people, eq(people.id, leaveRequests.personId))
    .innerJoin(postings, eq(postings.id, leaveRequests.postingId))
    .where(and(eq(leaveRequests.tenantId, tenantId), eq(leaveRequests.number, number)))
    .for('update', { of: leaveRequests })
  return row ?? null
}

/** Moves a pending request to its decision; returns null when it was no longer pending. */
export async function decideLeaveRow(db: Db, id: string, status: Extract<LeaveStatus, 'approved' | 'rejected'>, comment: string | null, at: Date) {
  const [row] = await db
    .update(leaveRequests)
    .set({ status, decisionComment: comment, decidedAt: at })
    .where(and(eq(leaveRequests.id, id), eq(leaveRequests.status, 'pending')))
    .returning()
  return row ?? null
}

/** The person's approved leave that covers `day`. */
export async function findApprovedLeaveOn(db: Db, personId: string, day: string) {
  const [row] = await db
    .select()
    .from(leaveRequests)
    .where(
      and(
        eq(leaveRequests.personId, personId),
        eq(leaveRequests.kind, 'leave'),
        eq(leaveRequests.status, 'approved'),
        lte(leaveRequests.startsOn, day),
        gte(leaveRequests.endsOn, day),
      ),
    )
    .for('update')
  return row ?? null
}

export async function markReturned(db: Db, id: string, returnedOn: string) {
  await db.update(leaveRequests).set({ status: 'returned', returnedOn }).where(eq(leaveRequests.id, id))
}

/** Leave counted on a posting: approved (or returned early) requests of kind `leave`, as day ranges. */
export async function approvedLeaveDays(db: Db, postingId: string) {
  return db
    .select({ startsOn: leaveRequests.startsOn, endsOn: leaveRequests.endsOn, returnedOn: leaveRequests.returnedOn })
    .from(leaveRequests)
    .where(and(eq(leaveRequests.postingId, postingId), eq(leaveRequests.kind, 'leave'), inArray(leaveRequests.status, ['approved', 'returned'])))
}
