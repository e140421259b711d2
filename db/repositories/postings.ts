import { and, asc, desc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../client'
import { rowsOf } from '../database'
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

export type PostingView = Awaited<ReturnType<typeof findUpcomingPosting>> & {}

const ACTIVE_POSTING_COLUMNS = sql.raw(`p.id, p.policy_id as "policyId", p.starts_on::text as "startsOn", p.ends_on::text as "endsOn",
        p.receiving_org_id as "receivingOrgId", p.supporting_org_id as "supportingOrgId", r.name as "receivingOrgName",
        r.latitude as "receivingLatitude", r.longitude as "receivingLongitude", s.name as "supportingOrgName"`)

/**
 * The person's active posting that covers `day` (Asia/Shanghai date); the earliest-started one if several overlap.
 * Written as SQL: every chat message from a doctor asks it, and the query builder's three-table join costs more CPU
 * than the query (db/repositories/attendance.ts).
 */
export async function findActivePosting(db: Db, tenantId: string, personId: string, day: string): Promise<PostingView | null> {
  const [row] = rowsOf<PostingView>(
    await db.execute(sql`
      select ${ACTIVE_POSTING_COLUMNS}
      from postings p join orgs r on r.id = p.receiving_org_id join orgs s on s.id = p.supporting_org_id
      where p.tenant_id = ${tenantId} and p.person_id = ${personId}::uuid and p.status = 'active'
        and p.starts_on <= ${day}::date and p.ends_on >= ${day}::date
      order by p.starts_on asc limit 1`),
  )
  return row ?? null
}

/** findActivePosting for many people and days in one statement; someone with no posting running that day is missing. */
export async function findActivePostings(db: Db, asks: { tenantId: string; personId: string; day: string }[]) {
  if (asks.length === 0) return []
  const asked = sql.join(asks.map((a) => sql`(${a.tenantId}, ${a.personId}::uuid, ${a.day}::date)`), sql`, `)
  return rowsOf<PostingView & { askedTenantId: string; askedPersonId: string; askedDay: string }>(
    await db.execute(sql`
      select distinct on (asked.tenant_id, asked.person_id, asked.day)
        asked.tenant_id as "askedTenantId", asked.person_id::text as "askedPersonId", asked.day::text as "askedDay", ${ACTIVE_POSTING_COLUMNS}
      from (values ${asked}) as asked(tenant_id, person_id, day)
      join postings p on p.tenant_id = asked.tenant_id and p.person_id = asked.person_id and p.status = 'active'
        and p.starts_on <= asked.day and p.ends_on >= asked.day
      join orgs r on r.id = p.receiving_org_id join orgs s on s.id = p.supporting_org_id
      order by asked.tenant_id, asked.person_id, asked.day, p.starts_on asc`),
  )
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
