import { and, asc, desc, eq, gt, gte, lt, lte } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../client'
import { orgs, postings } from '../schema'

const receiving = alias(orgs, 'receiving')
const supporting = alias(orgs, 'supporting')

const postingView = {
  id: postings.id,
  policyId: postings.policyId,
  startsOn: postings.startsOn,
  endsOn: postings.endsOn,
  receivingOrgId: postings.receivingOrgId,
  supportingOrgId: postings.supportingOrgId,
  receivingOrgName: receiving.name,
  receivingLatitude: receiving.latitude,
  receivingLongitude: receiving.longitude,
  supportingOrgName: supporting.name,
}

function selectPostings(db: Db) {
  return db
    .select(postingView)
    .from(postings)
    .innerJoin(receiving, eq(receiving.id, postings.receivingOrgId))
    .innerJoin(supporting, eq(supporting.id, postings.supportingOrgId))
}

export type PostingView = Awaited<ReturnType<typeof findActivePosting>> & {}

/** The person's active posting that covers `day` (Asia/Shanghai date); the earliest-started one if several overlap. */
export async function findActivePosting(db: Db, tenantId: string, personId: string, day: string) {
  const [row] = await selectPostings(db)
    .where(
      and(
        eq(postings.tenantId, tenantId),
        eq(postings.personId, personId),
        eq(postings.status, 'active'),
        lte(postings.startsOn, day),
        gte(postings.endsOn, day),
      ),
    )
    .orderBy(asc(postings.startsOn))
    .limit(1)
  return row ?? null
}

/** The next posting that has not started yet, to tell a doctor who checks in too early when to come. */
export async function findUpcomingPosting(db: Db, tenantId: string, personId: string, day: string) {
  const [row] = await selectPostings(db)
    .where(and(eq(postings.tenantId, tenantId), eq(postings.personId, personId), eq(postings.status, 'active'), gt(postings.startsOn, day)))
    .orderBy(asc(postings.startsOn))
    .limit(1)
  return row ?? null
}

/** The most recent posting that ended before `day`. */
export async function findLastEndedPosting(db: Db, tenantId: string, personId: string, day: string) {
  const [row] = await selectPostings(db)
    .where(and(eq(postings.tenantId, tenantId), eq(postings.personId, personId), lt(postings.endsOn, day)))
    .orderBy(desc(postings.endsOn))
    .limit(1)
  return row ?? null
}
