import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { identities, people, type Platform } from '../schema'

/** The person behind a platform account in a tenant, or null when nobody registered it. */
export async function findPersonByIdentity(db: Db, tenantId: string, platform: Platform, externalId: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, title: people.title })
    .from(identities)
    .innerJoin(people, eq(people.id, identities.personId))
    .where(and(eq(identities.tenantId, tenantId), eq(identities.platform, platform), eq(identities.externalId, externalId)))
    .limit(1)
  return row ?? null
}

/** Every platform account of a person, oldest first, to choose where a notice goes. */
export async function identitiesOf(db: Db, tenantId: string, personId: string) {
  return db
    .select({ platform: identities.platform, externalId: identities.externalId })
    .from(identities)
    .where(and(eq(identities.tenantId, tenantId), eq(identities.personId, personId)))
    .orderBy(asc(identities.createdAt))
}
