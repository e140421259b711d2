import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { policySuccessors, tenants } from '../schema'

export type SuccessorRow = typeof policySuccessors.$inferSelect

/** Every successor a tenant entered, by pack and first day. */
export async function successorRows(db: Db, tenantId: string): Promise<SuccessorRow[]> {
  return db.select().from(policySuccessors).where(eq(policySuccessors.tenantId, tenantId)).orderBy(asc(policySuccessors.policyId), asc(policySuccessors.fromDay))
}

/** One successor of a tenant by id, or null. */
export async function successorRow(db: Db, tenantId: string, id: string): Promise<SuccessorRow | null> {
  const [row] = await db.select().from(policySuccessors).where(and(eq(policySuccessors.tenantId, tenantId), eq(policySuccessors.id, id)))
  return row ?? null
}

/** Serialises successor changes within one tenant: the overlap check and the write see the same rows. */
export async function lockTenantSuccessors(db: Db, tenantId: string): Promise<void> {
  await db.execute(sql`select 1 from ${tenants} where ${tenants.id} = ${tenantId} for update`)
}

export async function insertSuccessor(db: Db, row: typeof policySuccessors.$inferInsert): Promise<SuccessorRow> {
  const [saved] = await db.insert(policySuccessors).values(row).returning()
  return saved!
}

export async function setSuccessorUntil(db: Db, id: string, untilDay: string): Promise<SuccessorRow> {
  const [saved] = await db.update(policySuccessors).set({ untilDay }).where(eq(policySuccessors.id, id)).returning()
  return saved!
}
