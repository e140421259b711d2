import { and, asc, eq, inArray, or } from 'drizzle-orm'
import type { Db } from '../client'
import { leaveRequests, people, postings, roleAssignments } from '../schema'

/**
 * Requests (leave, 补卡) waiting for this person: named as their approver, or filed at a receiving org where they hold
 * `approver` (who may decide them, as decideLeave allows). Oldest first.
 */
export async function pendingRequestsFor(db: Db, tenantId: string, personId: string) {
  const approverOrgs = db
    .select({ orgId: roleAssignments.orgId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.personId, personId), eq(roleAssignments.role, 'approver')))
  return db
    .select({ leave: leaveRequests, requesterName: people.name })
    .from(leaveRequests)
    .innerJoin(postings, eq(postings.id, leaveRequests.postingId))
    .innerJoin(people, eq(people.id, leaveRequests.personId))
    .where(
      and(
        eq(leaveRequests.tenantId, tenantId),
        eq(leaveRequests.status, 'pending'),
        or(eq(leaveRequests.approverPersonId, personId), inArray(postings.receivingOrgId, approverOrgs)),
      ),
    )
    .orderBy(asc(leaveRequests.createdAt), asc(leaveRequests.number))
}
