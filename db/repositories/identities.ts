import { and, asc, eq, sql } from 'drizzle-orm'
import { rowsOf } from '../database'
import type { Db } from '../client'
import { identities, type Platform, type Title } from '../schema'

/** The person behind a platform account in a tenant, or null when nobody registered it (SQL: on every message's path). */
export async function findPersonByIdentity(db: Db, tenantId: string, platform: Platform, externalId: string) {
  const [row] = rowsOf<{ id: string; name: string; title: Title | null }>(
    await db.execute(sql`
      select p.id, p.name, p.title from identities i join people p on p.id = i.person_id
      where i.tenant_id = ${tenantId} and i.platform = ${platform} and i.external_id = ${externalId} limit 1`),
  )
  return row ?? null
}

/**
 * findPersonByIdentity for many accounts in one statement (a group of check-ins answered together): the accounts
 * found, each with its person; an account nobody registered is missing from the answer.
 */
export async function findPeopleByIdentities(db: Db, accounts: { tenantId: string; platform: Platform; externalId: string }[]) {
  if (accounts.length === 0) return []
  const asked = sql.join(accounts.map((a) => sql`(${a.tenantId}, ${a.platform}, ${a.externalId})`), sql`, `)
  return rowsOf<{ tenantId: string; platform: Platform; externalId: string; id: string; name: string; title: Title | null }>(
    await db.execute(sql`
      select i.tenant_id as "tenantId", i.platform, i.external_id as "externalId", p.id, p.name, p.title
      from (values ${asked}) as asked(tenant_id, platform, external_id)
      join identities i on i.tenant_id = asked.tenant_id and i.platform = asked.platform and i.external_id = asked.external_id
      join people p on p.id = i.person_id`),
  )
}

/** Every platform account of a person, oldest first, to choose where a notice goes. */
export async function identitiesOf(db: Db, tenantId: string, personId: string) {
  return db
    .select({ platform: identities.platform, externalId: identities.externalId })
    .from(identities)
    .where(and(eq(identities.tenantId, tenantId), eq(identities.personId, personId)))
    .orderBy(asc(identities.createdAt))
}
