import { and, asc, eq, ne } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../client'
import { orgs, people, postings } from '../schema'

const receiving = alias(orgs, 'receiving')
const employer = alias(orgs, 'employer')

/** Every posting a person served or serves (not cancelled), oldest first, with the receiving org's name and level. */
export async function postingsOfPerson(db: Db, tenantId: string, personId: string) {
  return db
    .select({
      id: postings.id,
      policyId: postings.policyId,
      startsOn: postings.startsOn,
      endsOn: postings.endsOn,
      status: postings.status,
      assessment: postings.assessment,
      receivingOrgName: receiving.name,
      receivingLevel: receiving.level,
    })
    .from(postings)
    .innerJoin(receiving, eq(receiving.id, postings.receivingOrgId))
    .where(and(eq(postings.tenantId, tenantId), eq(postings.personId, personId), ne(postings.status, 'cancelled')))
    .orderBy(asc(postings.startsOn))
}

/** The person's title and the level of the hospital that employs them, as the promotion rules ask. */
export async function personEmployer(db: Db, personId: string) {
  const [row] = await db
    .select({ title: people.title, employerLevel: employer.level })
    .from(people)
    .leftJoin(employer, eq(employer.id, people.employerOrgId))
    .where(eq(people.id, personId))
  return row ?? { title: null, employerLevel: null }
}
