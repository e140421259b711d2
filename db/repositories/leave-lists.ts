import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../client'
import { leaveRequests, type LeaveKind } from '../schema'

/** A posting's requests in the given states, of the given kind (or all kinds), oldest first. */
export async function requestsOfPosting(db: Db, postingId: string, statuses: ('pending' | 'approved' | 'returned')[], kind?: LeaveKind) {
  return db
    .select()
    .from(leaveRequests)
    .where(and(eq(leaveRequests.postingId, postingId), inArray(leaveRequests.status, statuses), ...(kind ? [eq(leaveRequests.kind, kind)] : [])))
    .orderBy(asc(leaveRequests.createdAt), asc(leaveRequests.number))
}

/** Withdraws a request still pending or approved; returns null when it had moved on meanwhile. */
export async function cancelLeaveRow(db: Db, id: string, from: 'pending' | 'approved', at: Date) {
  const [row] = await db
    .update(leaveRequests)
    .set({ status: 'cancelled', decidedAt: at })
    .where(and(eq(leaveRequests.id, id), eq(leaveRequests.status, from)))
    .returning()
  return row ?? null
}
