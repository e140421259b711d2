import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../client'
import { orgs, people } from '../schema'

/**
 * What the roster knows of a person for 资格: title, licence, and the level and kind of the institution they work at.
 * Someone registered at a department (科室) works at its hospital, so the parent's level and kind are given too.
 */
export async function findPersonFacts(db: Db, personId: string) {
  const hospital = alias(orgs, 'hospital')
  const [row] = await db
    .select({
      title: people.title,
      licence: people.licence,
      employerLevel: orgs.level,
      employerKind: orgs.kind,
      parentLevel: hospital.level,
      parentKind: hospital.kind,
    })
    .from(people)
    .leftJoin(orgs, eq(orgs.id, people.employerOrgId))
    .leftJoin(hospital, eq(hospital.id, orgs.parentId))
    .where(eq(people.id, personId))
  if (!row) return null
  const { parentLevel, parentKind, ...facts } = row
  if (facts.employerLevel !== 'department') return facts
  return { ...facts, employerLevel: parentLevel, employerKind: parentKind }
}

export async function findPersonName(db: Db, personId: string): Promise<string> {
  const [row] = await db.select({ name: people.name }).from(people).where(eq(people.id, personId))
  return row?.name ?? ''
}
