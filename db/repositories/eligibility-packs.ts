import { and, asc, eq, gte } from 'drizzle-orm'
import type { Db } from '../client'
import { orgs, postings, supportPairs } from '../schema'

/** The person's running or next posting: its pack, its mode and the receiving institution's level. */
export async function findPostingPack(db: Db, tenantId: string, personId: string, day: string) {
  const [row] = await db
    .select({ policyId: postings.policyId, mode: postings.mode, receivingLevel: orgs.level })
    .from(postings)
    .innerJoin(orgs, eq(orgs.id, postings.receivingOrgId))
    .where(and(eq(postings.tenantId, tenantId), eq(postings.personId, personId), eq(postings.status, 'active'), gte(postings.endsOn, day)))
    .orderBy(asc(postings.startsOn))
    .limit(1)
  return row ?? null
}

/** The packs this deployment's support pairs run under, each once. */
export async function findDeploymentPacks(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ policyId: supportPairs.policyId }).from(supportPairs).where(eq(supportPairs.tenantId, tenantId)).orderBy(asc(supportPairs.policyId))
  return rows.map((r) => r.policyId)
}
