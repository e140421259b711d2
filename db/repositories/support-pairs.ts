import { and, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../client'
import { orgs, supportPairs } from '../schema'

const supporting = alias(orgs, 'supporting')
const receiving = alias(orgs, 'receiving')

function selectPairs(db: Db) {
  return db
    .select({ pair: supportPairs, supportingName: supporting.name, receivingName: receiving.name })
    .from(supportPairs)
    .innerJoin(supporting, eq(supporting.id, supportPairs.supportingOrgId))
    .innerJoin(receiving, eq(receiving.id, supportPairs.receivingOrgId))
}

export async function findPair(db: Db, tenantId: string, pairId: string) {
  const [row] = await selectPairs(db).where(and(eq(supportPairs.tenantId, tenantId), eq(supportPairs.id, pairId)))
  return row ?? null
}

/** Pairs between two hospitals named as people write them (several when a pair was renewed for a new cycle). */
export async function findPairsByNames(db: Db, tenantId: string, supportingName: string, receivingName: string) {
  return selectPairs(db).where(and(eq(supportPairs.tenantId, tenantId), eq(supporting.name, supportingName), eq(receiving.name, receivingName)))
}
