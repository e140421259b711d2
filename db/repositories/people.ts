import { eq } from 'drizzle-orm'
import type { Db } from '../client'
import { orgs, people } from '../schema'

/** What the database already knows about a person that an eligibility question would otherwise ask. */
export async function findPersonFacts(db: Db, personId: string) {
  const [row] = await db
    .select({ title: people.title, licence: people.licence, employerLevel: orgs.level, employerKind: orgs.kind })
    .from(people)
    .leftJoin(orgs, eq(orgs.id, people.employerOrgId))
    .where(eq(people.id, personId))
  return row ?? null
}

export async function findPersonName(db: Db, personId: string): Promise<string> {
  const [row] = await db.select({ name: people.name }).from(people).where(eq(people.id, personId))
  return row?.name ?? ''
}
